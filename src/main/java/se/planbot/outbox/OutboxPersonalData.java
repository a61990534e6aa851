package se.planbot.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import se.planbot.db.Jdbc;

/**
 * The outbox's part in GDPR export and erasure: every queued or sent message addressed to a
 * person, or mentioning their address in its model, is listed or deleted. Delivery history of an
 * erased person is deliberately lost with it: "no trace of the address" wins over bookkeeping.
 */
public final class OutboxPersonalData {

    /** Messages to {@code email}: what, when, and how it went (not the bodies). */
    public List<Map<String, Object>> messagesTo(Connection connection, String email) throws SQLException {
        return Jdbc.list(connection, """
                select template, status, created_at, sent_at from outbox
                where recipient = ? collate nocase order by id
                """, rows -> {
                    var message = new LinkedHashMap<String, Object>();
                    message.put("template", rows.getString("template"));
                    message.put("status", rows.getString("status"));
                    message.put("queuedAt", rows.getString("created_at"));
                    message.put("sentAt", rows.getString("sent_at"));
                    return message;
                }, email);
    }

    /** Deletes every message to, or mentioning, {@code email}; returns how many. */
    public int erase(Connection connection, String email) throws SQLException {
        String needle = "%" + email.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return Jdbc.update(connection, """
                delete from outbox
                where recipient = ? collate nocase
                   or lower(payload) like ? escape '\\'
                   or lower(coalesce(last_error, '')) like ? escape '\\'
                """, email, needle, needle);
    }
}
