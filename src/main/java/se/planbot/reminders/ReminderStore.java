package se.planbot.reminders;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import se.planbot.db.Jdbc;

/** The reminder_points table: which reminder points of which deadlines were queued, and when. */
final class ReminderStore {

    /** Keys {@code action|deadline|point} of every point already queued. */
    Set<String> queuedPoints(Connection connection) throws SQLException {
        return new HashSet<>(Jdbc.list(connection, "select action_id, deadline, point from reminder_points",
                row -> pointKey(row.getLong(1), row.getString(2), row.getString(3))));
    }

    /** People who already got their reminder message on {@code day}. */
    Set<Long> remindedOn(Connection connection, LocalDate day) throws SQLException {
        return new HashSet<>(Jdbc.list(connection, "select distinct person_id from reminder_points where sent_on = ?",
                row -> row.getLong(1), day));
    }

    void record(Connection connection, long actionId, LocalDate deadline, String point, long personId, LocalDate day,
            String outboxKey) throws SQLException {
        Jdbc.update(connection, """
                insert into reminder_points (action_id, deadline, point, person_id, sent_on, outbox_key)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing
                """, actionId, deadline, point, personId, day, outboxKey);
    }

    static String pointKey(long actionId, Object deadline, String point) {
        return actionId + "|" + deadline + "|" + point;
    }
}
