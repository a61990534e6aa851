package se.planbot.dialogs;

import java.util.Locale;

/** Registered has a seat; waiting is on the waiting list of a full dialog; cancelled gave up. */
public enum RegistrationStatus {
    REGISTERED("har plats"), WAITING("väntelista"), CANCELLED("avbokad");

    private final String swedish;

    RegistrationStatus(String swedish) {
        this.swedish = swedish;
    }

    /** The word a coordinator reads in the registrations sheet. */
    public String swedish() {
        return swedish;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RegistrationStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
