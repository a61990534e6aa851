package se.planbot;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import se.planbot.db.Database;
import se.planbot.db.DatabaseSettings;
import se.planbot.db.PostgresServer;

/**
 * The database the tests run on: a SQLite file in the test's temp folder, or, when the JVM runs
 * with {@code -Dplanbot.test.database=postgresql} (the {@code postgresql} surefire execution), a
 * fresh database on a throwaway PostgreSQL server. Every store test that takes its database from
 * here runs on both without being written twice. One folder is one database: opening it again
 * (a restart) finds the same data.
 */
public final class TestDatabase {

    public static final String PROPERTY = "planbot.test.database";
    private static final Map<Path, String> URLS = new ConcurrentHashMap<>();

    private TestDatabase() {
    }

    public static boolean postgres() {
        return "postgresql".equals(System.getProperty(PROPERTY));
    }

    /** The configuration keys of this folder's database: {@code db.path}, and {@code db.url} on PostgreSQL. */
    public static Map<String, String> settings(Path folder, String fileName) {
        return settings(folder.resolve(fileName));
    }

    public static Map<String, String> settings(Path file) {
        var settings = new HashMap<String, String>();
        settings.put("db.path", file.toString());
        if (postgres()) {
            settings.put("db.url", url(file));
        }
        return settings;
    }

    /** The same as lines of a configuration file ({@code db.path=…}, and {@code db.url=…} on PostgreSQL). */
    public static String configLines(Path file) {
        return "db.path=" + file + "\n" + (postgres() ? "db.url=" + url(file) + "\n" : "");
    }

    public static Database open(Path file) {
        return postgres() ? Database.open(new DatabaseSettings(url(file), "", "")) : Database.open(file);
    }

    private static String url(Path file) {
        return URLS.computeIfAbsent(file.toAbsolutePath(), ignored -> PostgresServer.get().newDatabase());
    }
}
