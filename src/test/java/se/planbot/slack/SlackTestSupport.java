package se.planbot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.Planbot;
import se.planbot.config.Config;
import se.planbot.plan.PersonDraft;
import se.planbot.plan.PersonRole;

/**
 * A real Planbot (SQLite in a temp folder, HTTP on a free port) with Slack on, talking to
 * {@link FakeSlackApi}; requests are signed exactly as Slack signs them. Today is 2026-12-01.
 */
abstract class SlackTestSupport {

    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;
    FakeSlackApi slackApi;
    Planbot planbot;
    final HttpClient http = HttpClient.newHttpClient();
    long anna;
    long bertil;

    Map<String, String> settings() {
        var settings = new LinkedHashMap<String, String>();
        settings.putAll(se.planbot.TestDatabase.settings(folder, "planbot.db"));
        settings.put("http.port", "0");
        settings.put("slack.bot-token", "xoxb-fake");
        settings.put("slack.signing-secret", SECRET);
        settings.put("slack.api-url", slackApi.apiUrl());
        // Owners' deadline reminders go by email here, so the start-up sweep posts nothing to the fake.
        settings.put("slack.reminders", "email");
        return settings;
    }

    @BeforeEach
    void startPlanbot() throws Exception {
        slackApi = new FakeSlackApi();
        planbot = new Planbot(Config.of(settings()), Clock.fixed(NOW, ZoneOffset.UTC));
        anna = planbot.plan().createPerson(new PersonDraft("Anna Andersson", "anna@example.se", "U0ANNA", PersonRole.OWNER)).id();
        bertil = planbot.plan().createPerson(new PersonDraft("Bertil Björk", "bertil@example.se", "U0BERTIL", PersonRole.OWNER)).id();
        planbot.plan().createPerson(new PersonDraft("Cecilia Coordinator", "cecilia@example.se", "U0CECI", PersonRole.COORDINATOR));
        planbot.plan().createPerson(new PersonDraft("Dan Ägarlös", "dan@example.se", "U0DAN", PersonRole.OWNER));
        var csv = new StringBuilder("Kod;Åtgärd;Beskrivning;Strategi;Ansvarig;E-post;Förvaltning;Start;Klart senast;Status;Framsteg;Ursprung\n")
                .append("1.1;Företagslotsen: en väg in;Samordna kommunens kontakter med företag.;1 Service och bemötande;Anna Andersson;anna@example.se;KLK;2026-01-01;2026-11-20;Pågår;40;plan\n")
                .append("1.2;Åtgärd för bättre bemötande;Kurs i bemötande.;1 Service och bemötande;Bertil Björk;bertil@example.se;KLK;2026-01-01;2026-12-10;Planerad;0;plan\n")
                .append("2.1;Turism i centrum;Fler besökare till stadskärnan, en åtgärd bland flera.;2 Attraktiv plats;Bertil Björk;bertil@example.se;KFV;2026-01-01;2027-03-01;Pågår;20;plan\n");
        for (int i = 1; i <= 40; i++) {
            csv.append("3.").append(i).append(";Lokal nummer ").append(i).append(";Lokalförsörjning.;3 Mark och lokaler;")
                    .append("Anna Andersson;anna@example.se;SBF;2026-01-01;2027-0").append(1 + i % 9).append("-15;Planerad;0;plan\n");
        }
        planbot.transfer().importCsv(csv.toString().getBytes(StandardCharsets.UTF_8), "test");
        planbot.start();
    }

    @AfterEach
    void stopPlanbot() {
        planbot.close();
        slackApi.close();
    }

    String url() {
        return "http://localhost:" + planbot.port() + SlackEventsRoute.PATH;
    }

    long timestamp() {
        return NOW.getEpochSecond();
    }

    String sign(long timestamp, byte[] body) {
        return new RequestSignature(SECRET, Clock.fixed(NOW, ZoneOffset.UTC)).sign(Long.toString(timestamp), body);
    }

    /** A slash command as Slack sends it: form-encoded, signed. */
    HttpResponse<String> command(String text, String user) throws Exception {
        return post(commandBody(text, user), "application/x-www-form-urlencoded", timestamp());
    }

    byte[] commandBody(String text, String user) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("token", "legacy");
        fields.put("team_id", "T0TEST");
        fields.put("team_domain", "planbot-test");
        fields.put("channel_id", "C0PLAN");
        fields.put("channel_name", "plan");
        fields.put("user_id", user);
        fields.put("user_name", user.toLowerCase());
        fields.put("command", "/plan");
        fields.put("text", text);
        fields.put("api_app_id", "A0PLAN");
        fields.put("response_url", slackApi.responseUrl("command"));
        fields.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        return form(fields);
    }

    /** An Events API callback as Slack sends it: JSON, signed. */
    HttpResponse<String> event(String eventId, String eventJson, Map<String, String> headers) throws Exception {
        return event(eventId, eventJson, headers, timestamp());
    }

    /** As {@link #event(String, String, Map)}, sent at {@code timestamp} (a retry is signed anew, later). */
    HttpResponse<String> event(String eventId, String eventJson, Map<String, String> headers, long timestamp)
            throws Exception {
        String body = "{\"token\":\"legacy\",\"team_id\":\"T0TEST\",\"api_app_id\":\"A0PLAN\",\"event\":" + eventJson
                + ",\"type\":\"event_callback\",\"event_id\":\"" + eventId + "\",\"event_time\":" + timestamp() + "}";
        return post(body.getBytes(StandardCharsets.UTF_8), "application/json", timestamp, headers);
    }

    /** An interactive payload (button, modal submit) as Slack sends it: form field {@code payload}, signed. */
    HttpResponse<String> interactive(String payloadJson) throws Exception {
        return post(form(Map.of("payload", payloadJson)), "application/x-www-form-urlencoded", timestamp());
    }

    String buttonPayload(String user, String actionId, String value, boolean ephemeral) {
        return "{\"type\":\"block_actions\",\"team\":{\"id\":\"T0TEST\",\"domain\":\"planbot-test\"},"
                + "\"user\":{\"id\":\"" + user + "\",\"username\":\"u\",\"team_id\":\"T0TEST\"},"
                + "\"api_app_id\":\"A0PLAN\",\"token\":\"legacy\",\"container\":{\"type\":\"message\",\"is_ephemeral\":"
                + ephemeral + "},\"trigger_id\":\"trigger-1\",\"channel\":{\"id\":\"C0PLAN\",\"name\":\"plan\"},"
                + "\"response_url\":\"" + slackApi.responseUrl("button") + "\","
                + "\"actions\":[{\"type\":\"button\",\"action_id\":\"" + actionId + "\",\"block_id\":\"b1\","
                + "\"value\":" + quote(value) + ",\"action_ts\":\"1700000000.1\"}]}";
    }

    HttpResponse<String> post(byte[] body, String contentType, long timestamp) throws Exception {
        return post(body, contentType, timestamp, Map.of());
    }

    HttpResponse<String> post(byte[] body, String contentType, long timestamp, Map<String, String> headers)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url()))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", sign(timestamp, body));
        headers.forEach(request::header);
        return http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static byte[] form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8);
    }

    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    /** Every text in a Block Kit answer, joined, for assertions on what a person reads. */
    static String texts(JsonNode node) {
        var out = new StringBuilder();
        collect(node, out);
        return out.toString();
    }

    private static void collect(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("text") && field.getValue().isTextual()) {
                    out.append(field.getValue().asText()).append('\n');
                } else {
                    collect(field.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, out));
        }
    }
}
