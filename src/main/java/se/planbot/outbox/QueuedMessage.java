package se.planbot.outbox;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** A message as read back from the outbox for sending; {@code id} gives a stable Message-ID. */
public record QueuedMessage(
        long id,
        String key,
        Channel channel,
        String recipient,
        String recipientName,
        String template,
        Map<String, Object> model,
        Locale locale,
        int attempts,
        Instant createdAt) {
}
