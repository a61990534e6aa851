package se.planbot.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite databases in the field were migrated by main's code (locations {@code db/migration} only,
 * V1–V50): with the per-database layout they still validate (same versions, descriptions and
 * checksums) and move on to the new versions.
 */
class SqliteMigrationsTest {

    @TempDir
    Path folder;

    @Test
    void a_database_migrated_by_the_old_layout_validates_and_gets_the_new_versions() throws Exception {
        Path file = folder.resolve("field.db");
        String url = "jdbc:sqlite:" + file;
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("50").load().migrate();
        try (var connection = DriverManager.getConnection(url); var statement = connection.createStatement()) {
            statement.execute("insert into people (name, email, role, created_at) values ('Åsa', 'asa@example.se', 'owner', '2026-12-01T07:00:00Z')");
            statement.execute("insert into api_tokens (name, role, token_hash, created_at) values ('t', 'admin', 'h', '2026-12-01T07:00:00.5Z')");
        }

        try (var database = Database.open(file)) {
            List<String> versions = database.read(connection -> Jdbc.list(connection,
                    "select version from flyway_schema_history where success = 1 and version is not null order by installed_rank",
                    row -> row.getString(1)));
            assertThat(versions).containsSubsequence("1", "2", "3", "4", "5", "6", "10", "11", "12", "20", "21", "50", "60", "61");
            // Flyway validated on migrate; say it again, as an operator's `flyway validate` would.
            Flyway.configure().dataSource(url, null, null)
                    .locations(Dialect.SQLITE.migrationLocations().toArray(String[]::new)).load().validate();

            List<String> instants = database.read(connection -> Jdbc.list(connection,
                    "select created_at from people union all select created_at from api_tokens order by 1",
                    row -> row.getString(1)));
            assertThat(instants).containsExactly("2026-12-01T07:00:00.000Z", "2026-12-01T07:00:00.500Z");
        }
    }
}
