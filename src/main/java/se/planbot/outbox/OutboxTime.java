package se.planbot.outbox;

import java.time.Instant;
import se.planbot.db.Jdbc;

/**
 * Instants as the outbox stores them: fixed-width UTC text with milliseconds, so that comparing
 * the text in SQL ({@code next_attempt_at <= ?}) orders exactly as the instants do.
 * ({@code Instant.toString()} drops zero fractions, and "…00Z" sorts after "…00.5Z".)
 */
final class OutboxTime {

    private OutboxTime() {
    }

    static String text(Instant instant) {
        return Jdbc.text(instant);
    }
}
