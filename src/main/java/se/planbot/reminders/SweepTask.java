package se.planbot.reminders;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZonedDateTime;

/**
 * One rule the reminder sweep runs each time (owner reminders, the digest, the dead-letter notice,
 * registration reminders, expired sign-ups; the list stands in {@code Planbot}). Each queues what
 * is due as of {@code now} into the outbox in the given transaction, or does its clean-up there;
 * outbox keys make a second run a no-op.
 */
public interface SweepTask {

    /** Does what is due as of {@code now}; returns how many messages were newly queued. */
    int runAsOf(Connection connection, ZonedDateTime now, WorkingDays workingDays) throws SQLException;
}
