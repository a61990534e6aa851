package se.planbot.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The two databases Planbot runs on. Nearly all SQL is the same on both (booleans as
 * {@code true}/{@code false}, {@code on conflict}, {@code returning}, instants as fixed-width UTC
 * text); the few strings that are not live here, and the migrations of each are found in
 * {@link #migrationLocations()}: {@code db/migration} is SQLite's (V1–V50 as they have always been,
 * so databases in the field still validate), {@code db/postgresql} the same versions for
 * PostgreSQL, {@code db/common} what is written once for both.
 */
public enum Dialect {
    SQLITE("sqlite", List.of("classpath:db/migration", "classpath:db/common")),
    POSTGRESQL("postgresql", List.of("classpath:db/postgresql", "classpath:db/common"));

    private final String code;
    private final List<String> locations;

    Dialect(String code, List<String> locations) {
        this.code = code;
        this.locations = locations;
    }

    /** {@code jdbc:postgresql:…} is PostgreSQL, {@code jdbc:sqlite:…} SQLite; anything else is refused. */
    public static Dialect ofUrl(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (url.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        throw new IllegalArgumentException("neither jdbc:sqlite: nor jdbc:postgresql:");
    }

    /** The dialect of an open connection (a pooled one too). */
    public static Dialect of(Connection connection) throws SQLException {
        return connection.getMetaData().getURL().startsWith("jdbc:postgresql:") ? POSTGRESQL : SQLITE;
    }

    /** "sqlite" or "postgresql": in /health, /metrics and logs. */
    public String code() {
        return code;
    }

    public List<String> migrationLocations() {
        return locations;
    }

    /**
     * What ends a {@code select} that claims rows for one worker: on PostgreSQL rows another
     * instance is claiming are skipped, not waited for; SQLite has one writer at a time and
     * refuses the clause.
     */
    public String skipLocked() {
        return this == POSTGRESQL ? " for update skip locked" : "";
    }
}
