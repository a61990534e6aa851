package se.planbot.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.planbot.Planbot;
import se.planbot.config.Config;
import se.planbot.config.ConfigException;

/** {@code db.url = jdbc:postgresql://…}: every store on a real PostgreSQL, migrated by Flyway, pooled by HikariCP. */
class PostgresDatabaseTest {

    @Test
    void a_postgresql_url_migrates_a_new_database_to_the_same_versions_as_sqlite() {
        String url = PostgresServer.get().newDatabase();
        try (var database = Database.open(new DatabaseSettings(url, "postgres", ""))) {
            assertThat(database.dialect()).isEqualTo(Dialect.POSTGRESQL);
            List<String> versions = database.read(connection -> Jdbc.list(connection,
                    "select version from flyway_schema_history where success and version is not null order by installed_rank",
                    row -> row.getString(1)));
            assertThat(versions).contains("1", "2", "3", "4", "5", "6", "10", "11", "12", "20", "21", "50");
        }
    }

    @Test
    void planbot_with_db_url_runs_on_postgresql_and_health_and_metrics_say_so() throws Exception {
        String url = PostgresServer.get().newDatabase();
        var config = Config.of(Map.of("db.url", url, "http.port", "0", "mail.file-dir",
                java.nio.file.Files.createTempDirectory("pg-mail").toString()));
        try (var planbot = new Planbot(config, Clock.systemUTC()).start()) {
            planbot.loadDemo();
            assertThat(planbot.plan().countByStatus().values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(10);
            var http = java.net.http.HttpClient.newHttpClient();
            var health = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + planbot.port() + "/health")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"engine\":\"postgresql\"").doesNotContain("password");
            var metrics = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + planbot.port() + "/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.body()).contains("planbot_database_info{engine=\"postgresql\"} 1");
        }
    }

    @Test
    void an_unreachable_postgresql_stops_start_up_with_a_message_naming_db_url() {
        var settings = new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/nothing?connectTimeout=1", "planbot", "hemligt");
        assertThatThrownBy(() -> Database.open(settings)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("db.url").hasMessageNotContaining("hemligt");
    }

    @Test
    void the_password_is_read_from_the_environment_only() {
        assertThat(Config.ENVIRONMENT_ONLY).contains("db.password");
    }
}
