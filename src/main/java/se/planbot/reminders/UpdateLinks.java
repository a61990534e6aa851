package se.planbot.reminders;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The token of the "Uppdatera åtgärden" links in an owner's reminder mail, which open the update
 * form of that person's actions without signing in. The console issues it; the reminder only
 * puts it in the links. Issued in the sweep's transaction, so a dry run issues nothing.
 */
@FunctionalInterface
public interface UpdateLinks {

    /** No update links (the mail links to the public action page only). */
    UpdateLinks NONE = (connection, personId) -> Optional.empty();

    Optional<String> issue(Connection connection, long personId) throws SQLException;
}
