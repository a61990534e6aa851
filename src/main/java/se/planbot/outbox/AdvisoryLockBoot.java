package se.planbot.outbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planbot.db.Database;
import se.planbot.db.DatabaseException;
import se.planbot.db.Jdbc;

/**
 * A boot on PostgreSQL, where instances may run on different machines and share no file: the
 * instance holds a session advisory lock keyed by its boot id on a connection of its own for as
 * long as it lives. The server frees the lock when that session ends (process killed, machine
 * gone: the connection drops), so another instance that gets the lock with
 * {@code pg_try_advisory_lock} knows the claimer has ended and takes its rows back at once.
 */
final class AdvisoryLockBoot implements Boot {

    private static final Logger log = LoggerFactory.getLogger(AdvisoryLockBoot.class);

    private final String id;
    private final Database database;
    private final Connection session;

    private AdvisoryLockBoot(String id, Database database, Connection session) {
        this.id = id;
        this.database = database;
        this.session = session;
    }

    static AdvisoryLockBoot start(Database database) {
        String id = UUID.randomUUID().toString();
        try {
            Connection session = database.dedicatedConnection();
            try (var statement = session.prepareStatement("select pg_advisory_lock(?)")) {
                statement.setLong(1, key(id));
                statement.execute();
            }
            return new AdvisoryLockBoot(id, database, session);
        } catch (SQLException e) {
            throw new DatabaseException("cannot take the outbox boot lock: " + e.getMessage(), e);
        }
    }

    /** The lock's key: 64 bits of the id's SHA-256 (boot ids are random: no two instances share one). */
    static long key(String bootId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bootId.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void takeBackEnded(Consumer<String> takeBack) {
        List<String> claimers = database.read(connection -> Jdbc.list(connection,
                "select distinct claimed_by from outbox where status = 'sending' and claimed_by is not null",
                row -> row.getString(1)));
        for (String other : claimers) {
            if (other.equals(id)) {
                continue;
            }
            // Probed on a pooled connection and let go at once: holding it would make the claimer look alive.
            boolean ended = database.read(connection -> {
                boolean free = Jdbc.one(connection, "select pg_try_advisory_lock(?)", row -> row.getBoolean(1),
                        key(other)).orElse(false);
                if (free) {
                    Jdbc.one(connection, "select pg_advisory_unlock(?)", row -> row.getBoolean(1), key(other));
                }
                return free;
            });
            if (ended) {
                takeBack.accept(other);
            }
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (SQLException e) {
            log.warn("Closing the outbox boot session failed", e);
        }
    }
}
