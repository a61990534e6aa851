package se.planbot.plan;

import java.util.Optional;

/** A person's part in the programme. */
public enum PersonRole {
    COORDINATOR("coordinator"),
    OWNER("owner"),
    WORKING_GROUP("working_group");

    private final String code;

    PersonRole(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<PersonRole> fromCode(String code) {
        for (PersonRole role : values()) {
            if (role.code.equals(code)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
