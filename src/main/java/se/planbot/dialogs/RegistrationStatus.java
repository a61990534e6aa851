package se.planbot.dialogs;

import java.util.Locale;

/** Registered has a seat; waiting is on the waiting list of a full dialog; cancelled gave up. */
public enum RegistrationStatus {
    REGISTERED, WAITING, CANCELLED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RegistrationStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
