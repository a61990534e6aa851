package se.planbot.outbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Instants as the outbox stores them: fixed-width UTC text with milliseconds, so that comparing
 * the text in SQL ({@code next_attempt_at <= ?}) orders exactly as the instants do.
 * ({@code Instant.toString()} drops zero fractions, and "…00Z" sorts after "…00.5Z".)
 */
final class OutboxTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private OutboxTime() {
    }

    static String text(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
