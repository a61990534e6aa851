package se.planbot.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database really answers, for {@code /health}. Every call reads the migration history
 * and the first row of every table (a replaced or truncated file, a missing table or a corrupt
 * root page fails here); every {@link #QUICK_CHECK_EVERY} it also runs {@code PRAGMA quick_check},
 * which walks every page, and reports its result with the time it ran.
 */
public final class DatabaseCheck {

    /** quick_check reads the whole file: often enough to notice within minutes, rare enough to cost nothing. */
    public static final Duration QUICK_CHECK_EVERY = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(DatabaseCheck.class);

    private final Database database;
    private final Clock clock;
    private QuickCheck lastQuickCheck;

    private record QuickCheck(Instant at, List<String> problems) {
        boolean ok() {
            return problems.equals(List.of("ok"));
        }
    }

    public DatabaseCheck(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** {@code {"ok": true, "engine": "sqlite", "path": "data/planbot.db", "quickCheck": {"ok": true, "result": "ok", "at": "…"}}}. */
    public synchronized Map<String, Object> status() {
        var status = new LinkedHashMap<String, Object>();
        boolean ok = true;
        try {
            database.read(DatabaseCheck::readEveryTable);
        } catch (RuntimeException e) {
            log.warn("Database {} does not answer: {}", database.location(), e.getMessage());
            ok = false;
            status.put("error", "databasen svarar inte: " + e.getMessage());
        }
        status.put("engine", database.dialect().code());
        if (database.dialect() != Dialect.SQLITE) {
            // PostgreSQL checks its own pages (and says so in its log); reading every table is our part.
            status.put("ok", ok);
            status.put("url", database.location());
            return status;
        }
        QuickCheck quickCheck = quickCheckWhenDue();
        ok &= quickCheck.ok();
        status.put("ok", ok);
        status.put("path", database.location());
        var reported = new LinkedHashMap<String, Object>();
        reported.put("ok", quickCheck.ok());
        reported.put("result", String.join("; ", quickCheck.problems()));
        reported.put("at", quickCheck.at().toString());
        status.put("quickCheck", reported);
        return status;
    }

    private QuickCheck quickCheckWhenDue() {
        Instant now = clock.instant();
        if (lastQuickCheck == null || !now.isBefore(lastQuickCheck.at().plus(QUICK_CHECK_EVERY))) {
            lastQuickCheck = new QuickCheck(now, quickCheck());
            if (!lastQuickCheck.ok()) {
                log.error("Database {} failed PRAGMA quick_check: {}", database.location(), lastQuickCheck.problems());
            }
        }
        return lastQuickCheck;
    }

    private List<String> quickCheck() {
        try {
            // At most 10 problems: enough to tell an operator where, short enough for /health.
            return database.read(connection -> Jdbc.list(connection, "pragma quick_check(10)", row -> row.getString(1)));
        } catch (RuntimeException e) {
            return List.of(String.valueOf(e.getMessage()));
        }
    }

    private static Void readEveryTable(Connection connection) throws SQLException {
        Jdbc.one(connection, "select version from flyway_schema_history order by installed_rank desc limit 1",
                row -> row.getString(1)).orElseThrow(() -> new SQLException("no migration recorded"));
        var tables = Jdbc.list(connection, Dialect.of(connection) == Dialect.SQLITE
                ? "select name from sqlite_schema where type = 'table' and name not like 'sqlite_%'"
                : "select table_name from information_schema.tables where table_schema = current_schema()"
                        + " and table_type = 'BASE TABLE'",
                row -> row.getString(1));
        for (String table : tables) {
            // Names come from the schema itself, not from input; quoted as identifiers.
            Jdbc.list(connection, "select * from \"" + table.replace("\"", "\"\"") + "\" limit 1", row -> 1);
        }
        return null;
    }
}
