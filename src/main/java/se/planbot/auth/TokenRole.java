package se.planbot.auth;

import java.util.Optional;

/** What an API token may do: both may write the plan; admin also manages tokens and the outbox. */
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

    public static Optional<TokenRole> fromCode(String code) {
        for (TokenRole role : values()) {
            if (role.code.equals(code)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
