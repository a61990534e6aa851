package se.planbot.subscribers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.planbot.db.Jdbc;

/** The subscribers' tables: subscribers, their topics, link tokens and consent records. */
final class SubscriberStore {

    private static final String COLUMNS = """
            select id, email, name, company, org_number, locale, status, created_at, confirmed_at
            from subscribers
            """;

    Optional<Subscriber> byEmail(Connection connection, String email) throws SQLException {
        var found = Jdbc.one(connection, COLUMNS + " where email = ?", this::row, email);
        return withTopics(connection, found);
    }

    Optional<Subscriber> byId(Connection connection, long id) throws SQLException {
        return withTopics(connection, Jdbc.one(connection, COLUMNS + " where id = ?", this::row, id));
    }

    /** The subscriber a token of {@code purpose} opens, if the token exists and has not expired. */
    Optional<Subscriber> byToken(Connection connection, String tokenHash, String purpose, Instant now)
            throws SQLException {
        // Expiry is compared as Instant, not as text: ISO strings with and without fractions do not sort.
        var id = Jdbc.one(connection, """
                select subscriber_id, expires_at from subscriber_tokens
                where token_hash = ? and purpose = ? and used_at is null
                """, rows -> {
                    Instant expires = Jdbc.instant(rows, "expires_at");
                    return expires == null || expires.isAfter(now) ? rows.getLong("subscriber_id") : null;
                }, tokenHash, purpose);
        return id.isPresent() ? byId(connection, id.get()) : Optional.empty();
    }

    long insert(Connection connection, SignUp signUp, String orgNumber, Instant now) throws SQLException {
        return Jdbc.insert(connection, """
                insert into subscribers (email, name, company, org_number, locale, status, created_at)
                values (?, ?, ?, ?, ?, 'pending', ?)
                """, signUp.email(), signUp.name(), signUp.company(), orgNumber,
                signUp.locale().getLanguage(), now);
    }

    void updateDetails(Connection connection, long id, SignUp signUp, String orgNumber) throws SQLException {
        Jdbc.update(connection, "update subscribers set name = ?, company = ?, org_number = ?, locale = ? where id = ?",
                signUp.name(), signUp.company(), orgNumber, signUp.locale().getLanguage(), id);
    }

    void setStatus(Connection connection, long id, SubscriberStatus status, Instant now) throws SQLException {
        switch (status) {
            case CONFIRMED -> Jdbc.update(connection,
                    "update subscribers set status = 'confirmed', confirmed_at = ? where id = ?", now, id);
            case UNSUBSCRIBED -> Jdbc.update(connection,
                    "update subscribers set status = 'unsubscribed', unsubscribed_at = ? where id = ?", now, id);
            case PENDING -> Jdbc.update(connection, "update subscribers set status = 'pending' where id = ?", id);
        }
    }

    /** When the newest token of {@code purpose} for this subscriber was made, if any. */
    Optional<Instant> newestToken(Connection connection, long subscriberId, String purpose) throws SQLException {
        return Jdbc.one(connection, """
                select created_at from subscriber_tokens where subscriber_id = ? and purpose = ?
                order by created_at desc limit 1
                """, rows -> Jdbc.instant(rows, "created_at"), subscriberId, purpose);
    }

    void replaceTopics(Connection connection, long id, Collection<Integer> topics) throws SQLException {
        Jdbc.update(connection, "delete from subscriber_topics where subscriber_id = ?", id);
        for (int topic : topics) {
            Jdbc.update(connection, "insert into subscriber_topics (subscriber_id, strategy_id) values (?, ?)", id, topic);
        }
    }

    void addToken(Connection connection, long subscriberId, String hash, String purpose, Instant now, Instant expires)
            throws SQLException {
        Jdbc.update(connection, """
                insert into subscriber_tokens (token_hash, subscriber_id, purpose, created_at, expires_at)
                values (?, ?, ?, ?, ?)
                """, hash, subscriberId, purpose, now, expires);
    }

    /** A confirmation link works once; earlier ones die when a new one is sent. */
    /** The subscriber whose link this was, once it has been used (a confirmation link opened again). */
    Optional<Subscriber> byUsedToken(Connection connection, String tokenHash, String purpose) throws SQLException {
        var id = Jdbc.one(connection, """
                select subscriber_id from subscriber_tokens where token_hash = ? and purpose = ? and used_at is not null
                """, rows -> rows.getLong("subscriber_id"), tokenHash, purpose);
        return id.isPresent() ? byId(connection, id.get()) : Optional.empty();
    }

    /** Keeps only this one of the subscriber's links of its purpose, marked used. */
    void keepUsed(Connection connection, long subscriberId, String tokenHash, String purpose, Instant now)
            throws SQLException {
        Jdbc.update(connection, "delete from subscriber_tokens where subscriber_id = ? and purpose = ? and token_hash <> ?",
                subscriberId, purpose, tokenHash);
        Jdbc.update(connection, "update subscriber_tokens set used_at = ? where token_hash = ?", now, tokenHash);
    }

    void dropTokens(Connection connection, long subscriberId, String purpose) throws SQLException {
        Jdbc.update(connection, "delete from subscriber_tokens where subscriber_id = ? and purpose = ?",
                subscriberId, purpose);
    }

    void addConsent(Connection connection, long subscriberId, String event, String version, String source, Instant now)
            throws SQLException {
        Jdbc.update(connection, """
                insert into consent_records (subscriber_id, at, event, text_version, source) values (?, ?, ?, ?, ?)
                """, subscriberId, now, event, version, source);
    }

    List<Map<String, Object>> consents(Connection connection, long subscriberId) throws SQLException {
        return Jdbc.list(connection, """
                select at, event, text_version, source from consent_records where subscriber_id = ? order by id
                """, rows -> {
                    var record = new LinkedHashMap<String, Object>();
                    record.put("at", rows.getString("at"));
                    record.put("event", rows.getString("event"));
                    record.put("textVersion", rows.getString("text_version"));
                    record.put("source", rows.getString("source"));
                    return record;
                }, subscriberId);
    }

    /** Confirmed subscribers interested in any of {@code strategies}; every one when the list is empty. */
    List<Subscriber> confirmedFor(Connection connection, Collection<Integer> strategies) throws SQLException {
        var all = Jdbc.list(connection, COLUMNS + " where status = 'confirmed' order by id", this::row);
        var result = new ArrayList<Subscriber>();
        for (Subscriber subscriber : all) {
            Subscriber full = withTopics(connection, Optional.of(subscriber)).orElseThrow();
            if (strategies.isEmpty() || full.topics().stream().anyMatch(strategies::contains)) {
                result.add(full);
            }
        }
        return result;
    }

    SubscriberCounts counts(Connection connection) throws SQLException {
        var byStatus = new java.util.EnumMap<SubscriberStatus, Long>(SubscriberStatus.class);
        for (var row : Jdbc.list(connection, "select status, count(*) as n from subscribers group by status",
                rows -> Map.entry(SubscriberStatus.of(rows.getString("status")), rows.getLong("n")))) {
            byStatus.put(row.getKey(), row.getValue());
        }
        var byStrategy = new LinkedHashMap<Integer, Long>();
        for (var row : Jdbc.list(connection, """
                select t.strategy_id, count(*) as n from subscriber_topics t
                join subscribers s on s.id = t.subscriber_id
                where s.status = 'confirmed' group by t.strategy_id order by t.strategy_id
                """, rows -> Map.entry(rows.getInt("strategy_id"), rows.getLong("n")))) {
            byStrategy.put(row.getKey(), row.getValue());
        }
        return new SubscriberCounts(byStatus, byStrategy);
    }

    int delete(Connection connection, long id) throws SQLException {
        return Jdbc.update(connection, "delete from subscribers where id = ?", id);
    }

    private Optional<Subscriber> withTopics(Connection connection, Optional<Subscriber> found) throws SQLException {
        if (found.isEmpty()) {
            return found;
        }
        Subscriber s = found.get();
        List<Integer> topics = Jdbc.list(connection,
                "select strategy_id from subscriber_topics where subscriber_id = ? order by strategy_id",
                rows -> rows.getInt(1), s.id());
        return Optional.of(new Subscriber(s.id(), s.email(), s.name(), s.company(), s.orgNumber(), s.locale(),
                s.status(), s.createdAt(), s.confirmedAt(), List.copyOf(topics)));
    }

    private Subscriber row(ResultSet rows) throws SQLException {
        return new Subscriber(rows.getLong("id"), rows.getString("email"), rows.getString("name"),
                rows.getString("company"), rows.getString("org_number"),
                Locale.forLanguageTag(rows.getString("locale")), SubscriberStatus.of(rows.getString("status")),
                Jdbc.instant(rows, "created_at"), Jdbc.instant(rows, "confirmed_at"), List.of());
    }
}
