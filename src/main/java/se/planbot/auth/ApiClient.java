package se.planbot.auth;

/** Who a valid API token belongs to. */
public record ApiClient(long tokenId, String name, TokenRole role) {

    /** How this client is named in the action history. */
    public String actor() {
        return "api:" + name;
    }
}
