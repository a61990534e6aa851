package se.planbot.signin;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import se.planbot.db.Jdbc;

/** The sign-in tables: one-time links and sessions, both by the hash of their secret (V20). */
final class SignInStore {

    /** A stored session: whose, how begun, when begun and last used. */
    record SessionRow(long personId, String via, Instant createdAt, Instant lastSeenAt) {
    }

    void insertLink(Connection connection, String hash, long personId, Instant now, Instant expires)
            throws SQLException {
        Jdbc.update(connection, """
                insert into sign_in_links (token_hash, person_id, created_at, expires_at) values (?, ?, ?, ?)
                """, hash, personId, now.toEpochMilli(), expires.toEpochMilli());
    }

    /** The person of an unused, unexpired link. */
    Optional<Long> usableLink(Connection connection, String hash, Instant now) throws SQLException {
        return Jdbc.one(connection, """
                select person_id from sign_in_links where token_hash = ? and used_at is null and expires_at > ?
                """, row -> row.getLong(1), hash, now.toEpochMilli());
    }

    /** Uses the link once; false when it was used, expired or never issued. */
    boolean useLink(Connection connection, String hash, Instant now) throws SQLException {
        return Jdbc.update(connection, """
                update sign_in_links set used_at = ? where token_hash = ? and used_at is null and expires_at > ?
                """, now.toEpochMilli(), hash, now.toEpochMilli()) == 1;
    }

    void insertSession(Connection connection, String hash, long personId, String via, Instant now) throws SQLException {
        Jdbc.update(connection, """
                insert into console_sessions (id_hash, person_id, via, created_at, last_seen_at) values (?, ?, ?, ?, ?)
                """, hash, personId, via, now.toEpochMilli(), now.toEpochMilli());
    }

    Optional<SessionRow> session(Connection connection, String hash) throws SQLException {
        return Jdbc.one(connection, "select * from console_sessions where id_hash = ?",
                row -> new SessionRow(row.getLong("person_id"), row.getString("via"),
                        Instant.ofEpochMilli(row.getLong("created_at")), Instant.ofEpochMilli(row.getLong("last_seen_at"))),
                hash);
    }

    void touch(Connection connection, String hash, Instant now) throws SQLException {
        Jdbc.update(connection, "update console_sessions set last_seen_at = ? where id_hash = ?", now.toEpochMilli(), hash);
    }

    void deleteSession(Connection connection, String hash) throws SQLException {
        Jdbc.update(connection, "delete from console_sessions where id_hash = ?", hash);
    }

    /** Forgets sessions idle since before {@code idleSince} and links that can no longer be used. */
    void deleteStale(Connection connection, Instant idleSince, Instant now) throws SQLException {
        Jdbc.update(connection, "delete from console_sessions where last_seen_at < ?", idleSince.toEpochMilli());
        Jdbc.update(connection, "delete from sign_in_links where expires_at <= ?", now.toEpochMilli());
    }
}
