package se.planbot.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planbot.config.ConfigException;

/**
 * The SQLite database: one file, WAL, foreign keys on, schema from Flyway migrations.
 *
 * <p>All writes go through one connection under one lock, in IMMEDIATE transactions, so a
 * request that reads then writes never meets SQLITE_BUSY. Reads share a few connections of
 * their own; WAL lets them run beside the writer.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int READERS = 4;

    private final Path file;
    private final String url;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);

    private Database(Path file) throws SQLException {
        this.file = file;
        String common = "jdbc:sqlite:" + file
                + "?journal_mode=WAL&busy_timeout=10000&foreign_keys=true&synchronous=NORMAL&secure_delete=true";
        // The writer begins IMMEDIATE so read-then-write never fails on lock upgrade; readers begin
        // DEFERRED so they take no write lock and run beside the writer and each other under WAL.
        this.url = common + "&transaction_mode=IMMEDIATE";
        String readerUrl = common + "&transaction_mode=DEFERRED";
        this.writer = DriverManager.getConnection(url);
        for (int i = 0; i < READERS; i++) {
            Connection reader = DriverManager.getConnection(readerUrl);
            readers.add(reader);
        }
    }

    /** Opens (creating folder and file as needed) and migrates the database at {@code file}. */
    public static Database open(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ConfigException("Ogiltig konfiguration: db.path = '" + file
                    + "': mappen " + folder + " kan inte skapas (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(folder) || (Files.exists(file) && !Files.isWritable(file))) {
            throw new ConfigException("Ogiltig konfiguration: db.path = '" + file + "': " + folder
                    + " är inte skrivbar");
        }
        try {
            // Personal data: the file (and the -wal/-shm SQLite gives the same mode) is the owner's alone.
            OwnerOnlyFiles.createIfMissing(file);
        } catch (IOException e) {
            throw new ConfigException("Ogiltig konfiguration: db.path = '" + file
                    + "': filen kan inte skapas (" + e.getMessage() + ")");
        }
        try {
            var database = new Database(file);
            database.migrate();
            return database;
        } catch (SQLException e) {
            throw new ConfigException("Ogiltig konfiguration: db.path = '" + file
                    + "': databasen kan inte öppnas (" + e.getMessage() + ")");
        }
    }

    private void migrate() {
        var result = Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            log.info("Database {} migrated to version {}", file, result.targetSchemaVersion);
        }
    }

    public Path file() {
        return file;
    }

    /** Runs {@code work} in one transaction on the writer; commits, or rolls back on any exception. */
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

    /** Runs {@code work} on a read connection (a consistent snapshot while it runs). */
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

    private <T> T borrow(SqlWork<T> work) {
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

    /**
     * Writes a consistent copy of the database to {@code target} while it stays in use
     * ({@code VACUUM INTO} reads one snapshot into a fresh owner-only file beside the target, which
     * is moved into place when complete). Refuses, changing nothing, a target that is this
     * database or its {@code -wal}/{@code -shm} under any spelling (symlink, {@code ..}, hard link),
     * and a target that is itself a database in use (it has a {@code -wal} or {@code -shm} beside it):
     * moving a file over an open database corrupts it.
     */
    public void backup(Path target) {
        BackupTarget.refuseLiveFiles(file, target);
        Path absolute = target.toAbsolutePath().normalize();
        Path partial = null;
        try {
            Files.createDirectories(absolute.getParent());
            partial = OwnerOnlyFiles.createTemp(absolute.getParent(), "." + absolute.getFileName() + "-", ".partial");
            Path copy = partial;
            borrow(connection -> {
                try (var statement = connection.prepareStatement("vacuum into ?")) {
                    statement.setString(1, copy.toString());
                    statement.execute();
                }
                return null;
            });
            // Checked again just before the move: the target may have become a database meanwhile.
            BackupTarget.refuseLiveFiles(file, target);
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // A half-done copy still holds personal data: never leave it lying beside the target.
            deleteQuietly(partial);
            throw new DatabaseException("backup to " + target + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Nothing more to do: the original failure is what the caller needs to hear.
        }
    }

    /**
     * Copies the write-ahead log into the database file and empties it, outside any transaction
     * (GDPR erasure: with {@code secure_delete} the deleted rows' pages are zeroed, and after this
     * no old copy of them is left in the -wal file either). Best effort while readers are busy.
     */
    public void checkpoint() {
        writeLock.lock();
        try (var statement = writer.createStatement()) {
            statement.execute("pragma wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            throw new DatabaseException("checkpoint failed: " + e.getMessage(), e);
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
