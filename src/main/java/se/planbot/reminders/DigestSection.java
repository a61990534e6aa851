package se.planbot.reminders;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * A part another feature adds to the coordinator's digest (e.g. {@code dialogs}): a model key and
 * its items for the period since the previous digest. Read in the sweep's transaction.
 */
public interface DigestSection {

    String key();

    List<Map<String, Object>> items(Connection connection, ZonedDateTime since, ZonedDateTime until) throws SQLException;
}
