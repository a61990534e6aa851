package se.planbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.Fixtures;
import se.planbot.Planbot;
import se.planbot.TestClock;
import se.planbot.auth.TokenRole;
import se.planbot.outbox.Channel;
import se.planbot.outbox.OutgoingMessage;

/** The outbox API and the outbox part of /health over real HTTP. */
class OutboxApiTest {

    @TempDir
    Path folder;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private Planbot planbot;
    private String admin;
    private String coordinator;
    private long deadId;
    private long sentId;

    @BeforeEach
    void start() {
        planbot = Fixtures.planbot(folder, TestClock.at("2026-12-01T08:00"), Map.of());
        admin = planbot.tokens().create("Drift", TokenRole.ADMIN);
        coordinator = planbot.tokens().create("Anna", TokenRole.COORDINATOR);
        deadId = queue("test:dead", "inte-en-adress");
        sentId = queue("test:sent", "asa@example.se");
        planbot.dispatcher().dispatchDue();
        planbot.start();
    }

    @AfterEach
    void stop() {
        planbot.close();
    }

    private long queue(String key, String recipient) {
        return planbot.database().write(connection -> {
            planbot.outbox().enqueue(connection, new OutgoingMessage(key, Channel.EMAIL, recipient, "Åsa", "reminder",
                    Map.of("personName", "Åsa", "date", "2026-12-01", "items", List.of()), Locale.forLanguageTag("sv")));
            return planbot.outbox().lastId(connection);
        });
    }

    private HttpResponse<String> call(String method, String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + planbot.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_admin_sees_dead_messages_with_their_error() throws Exception {
        var response = call("GET", "/api/v1/outbox?status=dead", admin);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode rows = json.readTree(response.body());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("id").asLong()).isEqualTo(deadId);
        assertThat(rows.get(0).get("status").asText()).isEqualTo("dead");
        assertThat(rows.get(0).get("lastError").asText()).contains("inte-en-adress", "är ingen e-postadress");
        assertThat(json.readTree(call("GET", "/api/v1/outbox", admin).body())).hasSize(1);
    }

    @Test
    void the_outbox_needs_a_token_the_coordinator_who_gets_the_dead_notice_may_list_it_and_only_admin_retries() throws Exception {
        assertThat(call("GET", "/api/v1/outbox?status=dead", null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/outbox?status=dead", "pbt_forged").statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/outbox?status=dead", coordinator).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/outbox/" + deadId + "/retry", null).statusCode()).isEqualTo(401);
        // Retrying is admin's: a coordinator token is refused and the message stays dead.
        assertThat(call("POST", "/api/v1/outbox/" + deadId + "/retry", coordinator).statusCode()).isEqualTo(403);
        assertThat(json.readTree(call("GET", "/api/v1/outbox?status=dead", admin).body())).hasSize(1);
    }

    @Test
    void an_unknown_status_is_a_swedish_400() throws Exception {
        var response = call("GET", "/api/v1/outbox?status=trasig", admin);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"status\"", "är ingen status");
    }

    @Test
    void a_dead_message_can_be_retried_but_a_sent_one_is_never_sent_again() throws Exception {
        var retried = call("POST", "/api/v1/outbox/" + deadId + "/retry", admin);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(json.readTree(retried.body()).get("status").asText()).isEqualTo("pending");
        assertThat(json.readTree(retried.body()).get("attempts").asInt()).isZero();

        var sent = call("POST", "/api/v1/outbox/" + sentId + "/retry", admin);
        assertThat(sent.statusCode()).isEqualTo(400);
        assertThat(sent.body()).contains("redan skickat");
        assertThat(call("POST", "/api/v1/outbox/999/retry", admin).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/outbox/abc/retry", admin).statusCode()).isEqualTo(404);
    }

    @Test
    void health_reports_pending_and_dead_counts_and_the_scheduler() throws Exception {
        var response = call("GET", "/health", null);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("outbox").get("dead").asLong()).isEqualTo(1);
        assertThat(body.get("outbox").get("pending").asLong()).isZero();
        assertThat(body.get("outbox").get("ok").asBoolean()).isTrue();
        assertThat(body.get("scheduler").get("ok").asBoolean()).isTrue();
        // Quartz fires by the wall clock: the next Monday 08:00 in Stockholm.
        var next = java.time.Instant.parse(body.get("scheduler").get("nextDigest").asText()).atZone(TestClock.STOCKHOLM);
        assertThat(next.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        assertThat(next.toLocalTime()).isEqualTo(java.time.LocalTime.of(8, 0));
    }
}
