package se.planbot.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import se.planbot.db.Jdbc;

/** The outbox table's SQL. Rules (when to retry, when a row is dead) live in the dispatcher. */
final class OutboxStore {

    private static final TypeReference<Map<String, Object>> MODEL = new TypeReference<>() {
    };

    /** Takes the next due row of one of {@code channels} for boot {@code bootId}: marks it 'sending' and returns it. */
    Optional<QueuedMessage> claimNext(Connection connection, Collection<Channel> channels, Instant now, String bootId)
            throws SQLException {
        if (channels.isEmpty()) {
            return Optional.empty();
        }
        // One placeholder per channel: the list comes from the registered senders, never from input.
        String placeholders = channels.stream().map(channel -> "?").collect(Collectors.joining(", "));
        Object[] parameters = new Object[channels.size() + 1];
        parameters[0] = OutboxTime.text(now);
        int index = 1;
        for (Channel channel : channels) {
            parameters[index++] = channel;
        }
        Optional<QueuedMessage> next = Jdbc.one(connection, """
                select * from outbox
                where status = 'pending' and next_attempt_at <= ? and channel in (%s)
                order by next_attempt_at, id limit 1
                """.formatted(placeholders), OutboxStore::queued, parameters);
        if (next.isPresent()) {
            Jdbc.update(connection, "update outbox set status = 'sending', claimed_at = ?, claimed_by = ? where id = ?",
                    OutboxTime.text(now), bootId, next.get().id());
        }
        return next;
    }

    void markSent(Connection connection, long id, Instant now) throws SQLException {
        Jdbc.update(connection, """
                update outbox set status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = null
                where id = ? and status = 'sending'
                """, OutboxTime.text(now), id);
    }

    void markRetry(Connection connection, long id, Instant next, String error) throws SQLException {
        Jdbc.update(connection, """
                update outbox set status = 'pending', attempts = attempts + 1, next_attempt_at = ?, last_error = ?
                where id = ? and status = 'sending'
                """, OutboxTime.text(next), error, id);
    }

    void markDead(Connection connection, long id, Instant now, String error) throws SQLException {
        Jdbc.update(connection, """
                update outbox set status = 'dead', attempts = attempts + 1, dead_at = ?, last_error = ?
                where id = ? and status = 'sending'
                """, OutboxTime.text(now), error, id);
    }

    Instant ageFrom(Connection connection, long id) throws SQLException {
        return Jdbc.one(connection, "select coalesce(age_from, created_at) from outbox where id = ?",
                row -> Instant.parse(row.getString(1)), id).orElseThrow();
    }

    /** Rows taken for sending before {@code claimedBefore} and never finished go back to 'pending'. */
    int recoverSending(Connection connection, Instant claimedBefore) throws SQLException {
        return Jdbc.update(connection, "update outbox set status = 'pending'"
                + " where status = 'sending' and (claimed_at is null or claimed_at < ?)", claimedBefore);
    }

    /** Rows a process that has ended left 'sending' go back to 'pending'. */
    int takeBack(Connection connection, String bootId) throws SQLException {
        return Jdbc.update(connection, "update outbox set status = 'pending' where status = 'sending' and claimed_by = ?",
                bootId);
    }

    List<OutboxEntry> list(Connection connection, OutboxStatus status, int limit) throws SQLException {
        return Jdbc.list(connection, "select * from outbox where status = ? order by id desc limit ?",
                OutboxStore::entry, status, limit);
    }

    Optional<OutboxEntry> entry(Connection connection, long id) throws SQLException {
        return Jdbc.one(connection, "select * from outbox where id = ?", OutboxStore::entry, id);
    }

    /** A dead row becomes pending again now, with a fresh maximum age and no dead notice owed. */
    int revive(Connection connection, long id, Instant now) throws SQLException {
        String text = OutboxTime.text(now);
        return Jdbc.update(connection, """
                update outbox set status = 'pending', attempts = 0, next_attempt_at = ?, age_from = ?,
                                  dead_at = null, dead_noticed = 0
                where id = ? and status = 'dead'
                """, text, text, id);
    }

    /** How many messages are pending, sending or dead, per channel. */
    Map<OutboxStatus, Map<Channel, Long>> countsByStatusAndChannel(Connection connection) throws SQLException {
        var counts = new EnumMap<OutboxStatus, Map<Channel, Long>>(OutboxStatus.class);
        Jdbc.list(connection, """
                select status, channel, count(*) as n from outbox
                where status in ('pending', 'sending', 'dead') group by status, channel
                """, row -> {
            counts.computeIfAbsent(OutboxStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
                    status -> new EnumMap<>(Channel.class))
                    .put(Channel.valueOf(row.getString("channel").toUpperCase(Locale.ROOT)), row.getLong("n"));
            return null;
        });
        return counts;
    }

    List<OutboxEntry> deadNotNoticed(Connection connection) throws SQLException {
        return Jdbc.list(connection, "select * from outbox where status = 'dead' and dead_noticed = 0 order by id",
                OutboxStore::entry);
    }

    void markNoticed(Connection connection, Collection<Long> ids) throws SQLException {
        for (long id : ids) {
            Jdbc.update(connection, "update outbox set dead_noticed = 1 where id = ?", id);
        }
    }

    long maxId(Connection connection) throws SQLException {
        return Jdbc.count(connection, "select coalesce(max(id), 0) from outbox");
    }

    List<QueuedMessage> queuedAfter(Connection connection, long id) throws SQLException {
        return Jdbc.list(connection, "select * from outbox where id > ? order by id", OutboxStore::queued, id);
    }

    List<QueuedMessage> due(Connection connection, Collection<Channel> channels, Instant now) throws SQLException {
        return Jdbc.list(connection, """
                select * from outbox where status in ('pending', 'sending') and next_attempt_at <= ? order by id
                """, OutboxStore::queued, OutboxTime.text(now)).stream()
                .filter(message -> channels.contains(message.channel()))
                .toList();
    }

    private static QueuedMessage queued(ResultSet row) throws SQLException {
        Map<String, Object> model;
        try {
            model = Outbox.JSON.readValue(row.getString("payload"), MODEL);
        } catch (JsonProcessingException e) {
            throw new SQLException("outbox row " + row.getLong("id") + " has a payload that is not JSON", e);
        }
        return new QueuedMessage(
                row.getLong("id"),
                row.getString("idempotency_key"),
                channel(row),
                row.getString("recipient"),
                row.getString("recipient_name"),
                row.getString("template"),
                model,
                Locale.forLanguageTag(row.getString("locale")),
                row.getInt("attempts"),
                Instant.parse(row.getString("created_at")));
    }

    private static OutboxEntry entry(ResultSet row) throws SQLException {
        return new OutboxEntry(
                row.getLong("id"),
                row.getString("idempotency_key"),
                channel(row),
                row.getString("recipient"),
                row.getString("template"),
                OutboxStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
                row.getInt("attempts"),
                Jdbc.instant(row, "created_at"),
                Jdbc.instant(row, "next_attempt_at"),
                Jdbc.instant(row, "sent_at"),
                Jdbc.instant(row, "dead_at"),
                row.getString("last_error"));
    }

    private static Channel channel(ResultSet row) throws SQLException {
        return Channel.valueOf(row.getString("channel").toUpperCase(Locale.ROOT));
    }
}
