package se.planbot.reminders;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZonedDateTime;

/**
 * A feature's reminder rules, run by the reminder sweep. Each queues what is due as of
 * {@code now} into the outbox in the given transaction; outbox keys make a second run a no-op.
 */
public interface ReminderSource {

    /** Queues every message due as of {@code now}; returns how many were newly queued. */
    int queueDue(Connection connection, ZonedDateTime now, WorkingDays workingDays) throws SQLException;
}
