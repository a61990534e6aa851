package se.planbot.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQLite: one file, WAL, foreign keys on. All writes go through one connection under one lock,
 * in IMMEDIATE transactions, so a request that reads then writes never meets SQLITE_BUSY. Reads
 * share a few connections of their own; WAL lets them run beside the writer.
 */
final class SqliteConnections implements Connections {

    private static final Logger log = LoggerFactory.getLogger(SqliteConnections.class);
    private static final int READERS = 4;

    final String url;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);

    SqliteConnections(Path file) throws SQLException {
        String common = "jdbc:sqlite:" + file
                + "?journal_mode=WAL&busy_timeout=10000&foreign_keys=true&synchronous=NORMAL&secure_delete=true";
        // The writer begins IMMEDIATE so read-then-write never fails on lock upgrade; readers begin
        // DEFERRED so they take no write lock and run beside the writer and each other under WAL.
        this.url = common + "&transaction_mode=IMMEDIATE";
        String readerUrl = common + "&transaction_mode=DEFERRED";
        this.writer = DriverManager.getConnection(url);
        for (int i = 0; i < READERS; i++) {
            readers.add(DriverManager.getConnection(readerUrl));
        }
    }

    @Override
    public <T> T write(SqlWork<T> work) {
        writeLock.lock();
        try {
            writer.setAutoCommit(false);
            try {
                T result = work.apply(writer);
                writer.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                writer.rollback();
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseException("database write failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        return borrow(reader -> {
            reader.setAutoCommit(false);
            try {
                return work.apply(reader);
            } finally {
                reader.rollback();
                reader.setAutoCommit(true);
            }
        });
    }

    /** A read connection outside any transaction (VACUUM INTO needs one). */
    <T> T borrow(SqlWork<T> work) {
        Connection reader;
        try {
            reader = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("interrupted while waiting for a connection", e);
        }
        try {
            return work.apply(reader);
        } catch (SQLException e) {
            throw new DatabaseException("database read failed: " + e.getMessage(), e);
        } finally {
            readers.add(reader);
        }
    }

    /** Runs {@code work} on the writer outside a transaction, under the write lock. */
    void onWriter(SqlWork<Void> work) {
        writeLock.lock();
        try {
            work.apply(writer);
        } catch (SQLException e) {
            throw new DatabaseException("database statement failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
            for (Connection reader : readers) {
                reader.close();
            }
        } catch (SQLException e) {
            log.warn("Closing the database failed", e);
        }
    }
}
