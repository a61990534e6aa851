package se.planbot.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planbot.config.ConfigException;

/**
 * The database: a SQLite file (the default) or PostgreSQL ({@code db.url = jdbc:postgresql://…}),
 * schema from Flyway migrations run at start ({@link Dialect#migrationLocations()}). Every store
 * works through {@link #write} and {@link #read} and never knows which one it is, except for the
 * few strings {@link Dialect} holds.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final DatabaseSettings settings;
    private final Dialect dialect;
    private final Connections connections;

    private Database(DatabaseSettings settings, Connections connections) {
        this.settings = settings;
        this.dialect = settings.dialect();
        this.connections = connections;
    }

    /** Opens (creating folder and file as needed) and migrates the SQLite database at {@code file}. */
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
            var sqlite = new SqliteConnections(file);
            var database = new Database(DatabaseSettings.sqlite(file), sqlite);
            database.migrate(Flyway.configure().dataSource(sqlite.url, null, null));
            return database;
        } catch (SQLException e) {
            throw new ConfigException("Ogiltig konfiguration: db.path = '" + file
                    + "': databasen kan inte öppnas (" + e.getMessage() + ")");
        }
    }

    /** Opens and migrates the database {@code settings} name: SQLite for {@code jdbc:sqlite:}, else PostgreSQL. */
    public static Database open(DatabaseSettings settings) {
        Dialect dialect;
        try {
            dialect = settings.dialect();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Ogiltig konfiguration: db.url = '" + settings.safeUrl()
                    + "': ange jdbc:sqlite:FIL eller jdbc:postgresql://värd:port/databas");
        }
        if (dialect == Dialect.SQLITE) {
            return open(settings.sqliteFile());
        }
        PostgresConnections postgres;
        try {
            postgres = new PostgresConnections(settings);
        } catch (RuntimeException e) {
            throw new ConfigException("Ogiltig konfiguration: db.url = '" + settings.safeUrl()
                    + "': databasen kan inte nås (" + rootMessage(e) + ")");
        }
        var database = new Database(settings, postgres);
        try {
            database.migrate(Flyway.configure().dataSource(postgres.dataSource()));
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        return database;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    private void migrate(org.flywaydb.core.api.configuration.FluentConfiguration flyway) {
        // Out of order: features in parallel take version ranges (V30–V39, V40–V49, ...) below ones
        // already applied in the field (V50, V60); each is applied when it arrives.
        var result = flyway.locations(dialect.migrationLocations().toArray(String[]::new))
                .outOfOrder(true)
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            log.info("Database {} migrated to version {}", settings.safeUrl(), result.targetSchemaVersion);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /** Where the data is, for logs and /health: the file of SQLite, the url (no password) of PostgreSQL. */
    public String location() {
        return dialect == Dialect.SQLITE ? settings.sqliteFile().toString() : settings.safeUrl();
    }

    /** The SQLite file; empty on PostgreSQL. */
    public Optional<Path> sqliteFile() {
        return dialect == Dialect.SQLITE ? Optional.of(settings.sqliteFile()) : Optional.empty();
    }

    /** The SQLite file; for what only SQLite has (backup, the outbox's boot locks beside it). */
    public Path file() {
        return sqliteFile().orElseThrow(() -> new IllegalStateException("PostgreSQL has no database file"));
    }

    /**
     * A connection of its own, outside the pool, for a session that must live as long as this
     * process (PostgreSQL advisory locks that say "this instance is alive"). The caller closes it.
     */
    public Connection dedicatedConnection() throws SQLException {
        return DriverManager.getConnection(settings.url(), settings.username(), settings.password());
    }

    /** Runs {@code work} in one transaction; commits, or rolls back on any exception. */
    public <T> T write(SqlWork<T> work) {
        return connections.write(work);
    }

    /** Runs {@code work} on a read connection (a consistent snapshot while it runs on SQLite). */
    public <T> T read(SqlWork<T> work) {
        return connections.read(work);
    }

    private SqliteConnections sqlite(String what) {
        if (connections instanceof SqliteConnections sqlite) {
            return sqlite;
        }
        throw new IllegalStateException(what + " is for SQLite; on PostgreSQL use pg_dump (see README)");
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
        SqliteConnections sqlite = sqlite("backup");
        Path file = this.file();
        BackupTarget.refuseLiveFiles(file, target);
        Path absolute = target.toAbsolutePath().normalize();
        Path partial = null;
        try {
            Files.createDirectories(absolute.getParent());
            partial = OwnerOnlyFiles.createTemp(absolute.getParent(), "." + absolute.getFileName() + "-", ".partial");
            Path copy = partial;
            sqlite.borrow(connection -> {
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
        if (dialect != Dialect.SQLITE) {
            return;
        }
        sqlite("checkpoint").onWriter(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("pragma wal_checkpoint(TRUNCATE)");
            }
            return null;
        });
    }

    @Override
    public void close() {
        connections.close();
    }
}
