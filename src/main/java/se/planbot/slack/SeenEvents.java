package se.planbot.slack;

import java.time.Clock;
import java.time.Duration;
import se.planbot.db.Database;
import se.planbot.db.Jdbc;

/**
 * Slack's own table {@code slack_events}: the ids of events already handled. Slack sends an event
 * again (same {@code event_id}) when our 200 was late; the second delivery must not answer twice.
 */
public final class SeenEvents {

    private static final Duration KEEP = Duration.ofDays(2);

    private final Database database;
    private final Clock clock;

    public SeenEvents(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** True the first time {@code eventId} is offered; a blank id is never deduplicated. */
    public boolean firstTime(String eventId) {
        if (eventId == null || eventId.isBlank()) {
            return true;
        }
        var now = clock.instant();
        return database.write(connection -> {
            Jdbc.update(connection, "delete from slack_events where received_at < ?", now.minus(KEEP));
            return Jdbc.update(connection, """
                    insert into slack_events (event_id, received_at) values (?, ?)
                    on conflict (event_id) do nothing
                    """, eventId, now) == 1;
        });
    }
}
