package se.planbot.outbox;

import java.time.Instant;

/** An outbox row as operators see it (API, dead notice): no payload, which may hold personal data. */
public record OutboxEntry(
        long id,
        String key,
        Channel channel,
        String recipient,
        String template,
        OutboxStatus status,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant sentAt,
        Instant deadAt,
        String lastError) {
}
