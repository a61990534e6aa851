package se.planbot.subscribers;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A business contact who asked for dialog invitations; {@code topics} are strategy ids. */
public record Subscriber(
        long id,
        String email,
        String name,
        String company,
        String orgNumber,
        Locale locale,
        SubscriberStatus status,
        Instant createdAt,
        Instant confirmedAt,
        List<Integer> topics) {
}
