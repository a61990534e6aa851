package se.planbot.auth;

import java.util.Optional;

/**
 * What an API token may do. A coordinator token reads and writes the plan, dialogs, people, the
 * outbox list and a subscriber's data export; admin may do all of that and also what cannot be
 * undone or reaches past the plan: retrying a dead outbox message and erasing a subscriber
 * (GDPR). Tokens themselves are managed from the command line ({@code planbot token}). Each
 * route's least role stands in the route table.
 */
public enum TokenRole {
    ADMIN("admin"),
    COORDINATOR("coordinator");

    private final String code;

    TokenRole(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** True when a token of this role may call a route that needs {@code least}: admin includes coordinator. */
    public boolean includes(TokenRole least) {
        return this == ADMIN || this == least;
    }

    public static Optional<TokenRole> fromCode(String code) {
        for (TokenRole role : values()) {
            if (role.code.equals(code)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
