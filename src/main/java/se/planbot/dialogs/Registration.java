package se.planbot.dialogs;

import java.time.Instant;
import java.util.Locale;

/** A business's sign-up for a dialog. */
public record Registration(
        long id,
        long dialogId,
        String name,
        String company,
        String email,
        Locale locale,
        RegistrationStatus status,
        Instant createdAt) {
}
