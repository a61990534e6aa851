package se.planbot.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.MutableClock;
import se.planbot.Planbot;
import se.planbot.TestPlanbot;

/** {@code GET /health}'s database part on a real SQLite file, healthy and really corrupted. */
class DatabaseHealthTest {

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(TestPlanbot.NOW);

    @Test
    void a_healthy_database_reports_its_quick_check_and_when_it_ran() throws Exception {
        createWithDemo();
        try (Planbot planbot = TestPlanbot.create(folder, Map.of(), clock).start()) {
            var response = health(planbot);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode database = json(response).path("database");
            assertThat(database.path("ok").asBoolean()).isTrue();
            assertThat(database.path("quickCheck").path("result").asText()).isEqualTo("ok");
            assertThat(database.path("quickCheck").path("at").asText()).isEqualTo("2026-11-27T08:00:00Z");
        }
    }

    @Test
    void the_quick_check_runs_again_only_once_its_interval_has_passed() throws Exception {
        createWithDemo();
        try (Planbot planbot = TestPlanbot.create(folder, Map.of(), clock).start()) {
            health(planbot);
            clock.advance(Duration.ofMinutes(9));
            assertThat(json(health(planbot)).path("database").path("quickCheck").path("at").asText())
                    .isEqualTo("2026-11-27T08:00:00Z");
            clock.advance(Duration.ofMinutes(1));
            assertThat(json(health(planbot)).path("database").path("quickCheck").path("at").asText())
                    .isEqualTo("2026-11-27T08:10:00Z");
        }
    }

    @Test
    void a_corrupt_table_makes_health_503_although_the_database_still_opens() throws Exception {
        createWithDemo();
        corruptPageOf("actions");
        try (Planbot planbot = TestPlanbot.create(folder, Map.of(), clock).start()) {
            var response = health(planbot);
            assertThat(response.statusCode()).isEqualTo(503);
            JsonNode database = json(response).path("database");
            assertThat(database.path("ok").asBoolean()).isFalse();
            assertThat(database.path("error").asText()).contains("malformed");
        }
    }

    @Test
    void a_corrupt_index_that_no_read_touches_is_found_by_the_quick_check() throws Exception {
        createWithDemo();
        corruptPageOf("actions_owner");
        try (Planbot planbot = TestPlanbot.create(folder, Map.of(), clock).start()) {
            assertThat(planbot.plan().actions(se.planbot.plan.ActionFilter.all())).as("pages still work").hasSize(25);
            var response = health(planbot);
            assertThat(response.statusCode()).isEqualTo(503);
            JsonNode quickCheck = json(response).path("database").path("quickCheck");
            assertThat(quickCheck.path("ok").asBoolean()).isFalse();
            assertThat(quickCheck.path("result").asText()).isNotEqualTo("ok").isNotBlank();
            assertThat(quickCheck.path("at").asText()).isEqualTo("2026-11-27T08:00:00Z");
        }
    }

    private void createWithDemo() {
        try (Planbot planbot = TestPlanbot.create(folder, Map.of(), clock)) {
            planbot.loadDemo();
        }
    }

    /** Overwrites the root page of {@code name} (a table or an index) with bytes no b-tree page has. */
    private void corruptPageOf(String name) throws Exception {
        Path file = folder.resolve("planbot.db");
        long pageSize;
        long rootPage;
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            pageSize = Jdbc.one(connection, "pragma page_size", row -> row.getLong(1)).orElseThrow();
            rootPage = Jdbc.one(connection, "select rootpage from sqlite_schema where name = '" + name + "'",
                    row -> row.getLong(1)).orElseThrow();
        }
        byte[] garbage = new byte[(int) pageSize];
        Arrays.fill(garbage, (byte) 0xff);
        try (var raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek((rootPage - 1) * pageSize);
            raw.write(garbage);
        }
    }

    private static HttpResponse<String> health(Planbot planbot) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + planbot.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return new ObjectMapper().readTree(response.body());
    }
}
