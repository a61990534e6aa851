package se.planbot.outbox;

import java.util.Locale;
import java.util.Optional;

/** Where an outbox row stands: waiting, being sent right now, delivered, or given up on. */
public enum OutboxStatus {
    PENDING, SENDING, SENT, DEAD;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OutboxStatus> fromCode(String code) {
        for (OutboxStatus status : values()) {
            if (status.code().equals(code)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
