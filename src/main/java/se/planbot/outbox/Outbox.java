package se.planbot.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import se.planbot.db.Jdbc;

/**
 * The one way to send anything: queue it here inside the caller's transaction. The dispatcher
 * sends it later, with retries; the idempotency key makes queuing the same message twice a no-op.
 */
public final class Outbox {

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Clock clock;
    private final OutboxStore store = new OutboxStore();

    public Outbox(Clock clock) {
        this.clock = clock;
    }

    /** Queues {@code message} in the transaction of {@code connection}; false if its key was already queued. */
    public boolean enqueue(Connection connection, OutgoingMessage message) throws SQLException {
        String payload;
        try {
            payload = JSON.writeValueAsString(message.model());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("message model is not JSON: " + message.key(), e);
        }
        String now = OutboxTime.text(clock.instant());
        int inserted = Jdbc.update(connection, """
                insert into outbox (idempotency_key, channel, recipient, recipient_name, template, payload,
                                    locale, next_attempt_at, created_at, age_from)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (idempotency_key) do nothing
                """,
                message.key(), message.channel(), message.recipient(), message.recipientName(),
                message.template(), payload, message.locale().getLanguage().toLowerCase(Locale.ROOT), now, now, now);
        return inserted == 1;
    }

    /** Dead rows the coordinator has not yet been told about, oldest first. */
    public List<OutboxEntry> deadNotNoticed(Connection connection) throws SQLException {
        return store.deadNotNoticed(connection);
    }

    public void markDeadNoticed(Connection connection, Collection<Long> ids) throws SQLException {
        store.markNoticed(connection, ids);
    }

    /** The highest row id so far: rows queued later in a transaction have higher ids. */
    public long lastId(Connection connection) throws SQLException {
        return store.maxId(connection);
    }

    public List<QueuedMessage> queuedAfter(Connection connection, long id) throws SQLException {
        return store.queuedAfter(connection, id);
    }

    /** Rows the dispatcher would take now for {@code channels} (for a dry run). */
    public List<QueuedMessage> due(Connection connection, Collection<Channel> channels) throws SQLException {
        return store.due(connection, channels, clock.instant());
    }
}
