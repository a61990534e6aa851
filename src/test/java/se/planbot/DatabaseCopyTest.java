package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.db.Jdbc;
import se.planbot.db.PostgresServer;
import se.planbot.plan.ActionStatus;
import se.planbot.plan.ProgressUpdate;

/**
 * {@code planbot db copy --to jdbc:postgresql://…}: the demo database, with history, people, a
 * token and a dialog, moved from SQLite into an empty PostgreSQL; Planbot then answers the API
 * exactly as it did on SQLite, new rows get new ids, and a second copy into the now full target is
 * refused.
 */
class DatabaseCopyTest {

    private static final List<String> PATHS = List.of("/api/v1/program", "/api/v1/strategies", "/api/v1/people",
            "/api/v1/actions", "/api/v1/actions?q=turism", "/api/v1/actions?q=f%C3%B6retag", "/api/v1/actions/1",
            "/api/v1/actions/3", "/api/v1/dialogs", "/api/v1/dialogs/1", "/api/v1/outbox", "/api/v1/export.csv",
            "/api/v1/people/1");

    @TempDir
    Path folder;

    @Test
    void the_demo_database_copied_to_postgresql_answers_the_api_identically() throws Exception {
        Path sqliteFolder = folder.resolve("sqlite");
        String token;
        Map<String, String> onSqlite = new LinkedHashMap<>();
        try (var app = TestPlanbot.started(sqliteFolder, Map.of("db.path", sqliteFolder.resolve("planbot.db").toString(),
                "db.url", "")).withDemo()) {
            token = app.token();
            app.planbot().plan().recordUpdate(1, new ProgressUpdate(ActionStatus.IN_PROGRESS, 40, "Första steget"), "test");
            app.planbot().plan().recordUpdate(1, new ProgressUpdate(ActionStatus.IN_PROGRESS, 60, "Andra steget"), "test");
            for (String path : PATHS) {
                onSqlite.put(path, app.get(path, token).statusCode() + " " + app.get(path, token).body());
            }
        }

        String target = PostgresServer.get().newEmptyDatabase();
        Path config = folder.resolve("planbot.properties");
        Files.writeString(config, "db.path=" + sqliteFolder.resolve("planbot.db") + "\n", StandardCharsets.UTF_8);
        var copy = CommandRun.of("--config", config.toString(), "db", "copy", "--to", target);
        assertThat(copy.exit()).as(copy.err()).isZero();
        assertThat(copy.out()).contains("actions: ").contains("action_change_fields: ").contains("antalet rader stämmer");

        try (var app = TestPlanbot.started(folder.resolve("pg"), Map.of("db.url", target))) {
            for (String path : PATHS) {
                assertThat(app.get(path, token).statusCode() + " " + app.get(path, token).body()).as(path)
                        .isEqualTo(onSqlite.get(path));
            }
            // Sequences were set past the copied ids: a new action and a new history entry get fresh ones.
            app.planbot().plan().recordUpdate(1, new ProgressUpdate(ActionStatus.IN_PROGRESS, 70, "Efter flytten"), "test");
            assertThat(app.planbot().plan().history(1)).hasSizeGreaterThan(3);
        }

        var again = CommandRun.of("--config", config.toString(), "db", "copy", "--to", target);
        assertThat(again.exit()).isNotZero();
        assertThat(again.err()).contains("inte tom");
        try (var connection = DriverManager.getConnection(target)) {
            assertThat(Jdbc.count(connection, "select count(*) from action_changes where actor = 'test'")).isEqualTo(3);
        }
    }

    @Test
    void backup_says_it_is_for_sqlite_on_postgresql_and_copy_wants_a_postgresql_target() throws Exception {
        Path config = folder.resolve("pg.properties");
        Files.writeString(config, "db.url=" + PostgresServer.get().newDatabase() + "\nmail.file-dir=" + folder.resolve("mail")
                + "\n", StandardCharsets.UTF_8);
        var backup = CommandRun.of("--config", config.toString(), "backup", folder.resolve("copy.db").toString());
        assertThat(backup.exit()).isEqualTo(2);
        assertThat(backup.err()).contains("för SQLite").contains("pg_dump");
        assertThat(folder.resolve("copy.db")).doesNotExist();

        var copy = CommandRun.of("--config", config.toString(), "db", "copy", "--to", "jdbc:sqlite:" + folder.resolve("x.db"));
        assertThat(copy.exit()).isEqualTo(2);
        assertThat(copy.err()).contains("PostgreSQL-url");
    }
}
