package se.planbot.dialogs;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import se.planbot.db.Jdbc;

/** The registrations' tables: registrations and their cancel-link tokens. */
final class RegistrationStore {

    private static final String SELECT = """
            select id, dialog_id, name, company, email, locale, status, created_at from registrations
            """;

    Optional<Registration> byId(Connection connection, long id) throws SQLException {
        return Jdbc.one(connection, SELECT + " where id = ?", RegistrationStore::row, id);
    }

    Optional<Registration> active(Connection connection, long dialogId, String email) throws SQLException {
        return Jdbc.one(connection, SELECT + " where dialog_id = ? and email = ? and status <> 'cancelled'",
                RegistrationStore::row, dialogId, email);
    }

    Optional<Registration> byToken(Connection connection, String tokenHash) throws SQLException {
        return Jdbc.one(connection, SELECT + " where id = (select registration_id from registration_tokens where token_hash = ?)",
                RegistrationStore::row, tokenHash);
    }

    /** Every registration of a dialog in the given states, in the order they came. */
    List<Registration> ofDialog(Connection connection, long dialogId, List<RegistrationStatus> states) throws SQLException {
        return Jdbc.list(connection, SELECT + " where dialog_id = ? order by id", RegistrationStore::row, dialogId)
                .stream().filter(registration -> states.contains(registration.status())).toList();
    }

    /** Registered seats of dialogs starting in [from, to) that were made before {@code madeBefore}. */
    List<Registration> registeredStarting(Connection connection, Instant from, Instant to) throws SQLException {
        return Jdbc.list(connection, SELECT + """
                 where status = 'registered' and dialog_id in
                    (select id from dialogs where state = 'published' and starts_at >= ? and starts_at < ?)
                 order by id
                """, RegistrationStore::row, from, to);
    }

    List<Registration> byEmail(Connection connection, String email) throws SQLException {
        return Jdbc.list(connection, SELECT + " where email = ? order by id", RegistrationStore::row, email);
    }

    long insert(Connection connection, long dialogId, RegistrationForm form, RegistrationStatus status, Instant now)
            throws SQLException {
        return Jdbc.insert(connection, """
                insert into registrations (dialog_id, name, company, email, locale, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """, dialogId, form.name(), form.company(), form.email(), form.locale().getLanguage(), status.code(), now);
    }

    void setStatus(Connection connection, long id, RegistrationStatus status, Instant now) throws SQLException {
        Jdbc.update(connection, "update registrations set status = ?, cancelled_at = ? where id = ?",
                status.code(), status == RegistrationStatus.CANCELLED ? now : null, id);
    }

    void addToken(Connection connection, long registrationId, String hash, Instant now) throws SQLException {
        Jdbc.update(connection, "insert into registration_tokens (token_hash, registration_id, created_at) values (?, ?, ?)",
                hash, registrationId, now);
    }

    int deleteByEmail(Connection connection, String email) throws SQLException {
        Jdbc.update(connection, """
                delete from registration_tokens where registration_id in (select id from registrations where email = ?)
                """, email);
        return Jdbc.update(connection, "delete from registrations where email = ?", email);
    }

    private static Registration row(ResultSet rows) throws SQLException {
        return new Registration(rows.getLong("id"), rows.getLong("dialog_id"), rows.getString("name"),
                rows.getString("company"), rows.getString("email"), Locale.forLanguageTag(rows.getString("locale")),
                RegistrationStatus.of(rows.getString("status")), Jdbc.instant(rows, "created_at"));
    }
}
