package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.plan.ImportFailed;

/** One set of text rules (control, direction and zero-width characters, UTF-8, lengths) for API, import and forms. */
class TextRulesTest {

    @TempDir
    Path folder;

    private BusinessFixture app;

    @BeforeEach
    void start() {
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private String field(java.net.http.HttpResponse<String> response, int index) {
        return app.json(response).path("errors").get(index).path("field").asText();
    }

    private String message(java.net.http.HttpResponse<String> response, int index) {
        return app.json(response).path("errors").get(index).path("message").asText();
    }

    @Test
    void a_nul_in_a_patched_title_is_refused_naming_the_title_and_nothing_is_stored() {
        String before = app.api("GET", "/api/v1/actions/1", null).body();
        var refused = app.api("PATCH", "/api/v1/actions/1", "{\"title\":\"Lots\\u0000en\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(field(refused, 0)).isEqualTo("title");
        assertThat(message(refused, 0)).isEqualTo("titeln innehåller ett styrtecken (U+0000) som inte syns; ta bort det");
        assertThat(app.api("GET", "/api/v1/actions/1", null).body()).isEqualTo(before);
    }

    @Test
    void direction_overrides_and_zero_width_characters_in_titles_are_refused() {
        var overridden = app.api("PATCH", "/api/v1/actions/1", "{\"title\":\"Status: \\u202Edralk\"}");
        assertThat(message(overridden, 0)).isEqualTo("titeln innehåller ett tecken som vänder skrivriktningen (U+202E); ta bort det");
        var invisible = app.api("PATCH", "/api/v1/actions/1", "{\"title\":\"Lots\\u200Ben\"}");
        assertThat(message(invisible, 0)).isEqualTo("titeln innehåller ett osynligt tecken utan bredd (U+200B); ta bort det");
    }

    @Test
    void notes_are_at_most_a_thousand_characters() {
        int history = app.json(app.api("GET", "/api/v1/actions/1", null)).path("history").size();
        var tooLong = app.api("POST", "/api/v1/actions/1/updates", "{\"note\":\"" + "a".repeat(1001) + "\"}");

        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(field(tooLong, 0)).isEqualTo("note");
        assertThat(message(tooLong, 0)).isEqualTo("anteckningen är för lång: högst 1 000 tecken (nu 1001)");
        assertThat(app.json(app.api("GET", "/api/v1/actions/1", null)).path("history").size()).isEqualTo(history);
        assertThat(app.api("POST", "/api/v1/actions/1/updates", "{\"note\":\"" + "a".repeat(1000) + "\"}").statusCode())
                .isEqualTo(201);
    }

    @Test
    void done_means_progress_100() {
        var refused = app.api("POST", "/api/v1/actions/1/updates", "{\"status\":\"done\",\"progress\":20}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(field(refused, 0)).isEqualTo("progress");
        assertThat(message(refused, 0)).startsWith("en klar åtgärd har framsteg 100, inte 20");

        var patched = app.api("PATCH", "/api/v1/actions/1", "{\"status\":\"done\"}");
        assertThat(app.json(patched).path("progress").asInt()).as("done without a progress").isEqualTo(100);
    }

    @Test
    void invalid_utf8_in_a_body_is_refused_as_such() throws Exception {
        byte[] latin1 = "{\"title\":\"Företagslots\"}".getBytes(StandardCharsets.ISO_8859_1);
        var refused = app.cookieless.send(HttpRequest.newBuilder(URI.create(app.base + "/api/v1/actions/1"))
                .header("Authorization", "Bearer " + app.token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(latin1)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(message(refused, 0)).contains("ogiltig UTF-8");
    }

    @Test
    void control_characters_in_an_address_are_refused_by_the_api_and_by_the_forms() {
        var person = app.api("POST", "/api/v1/people", "{\"name\":\"Bel\",\"email\":\"bel\\u0007@kommun.se\"}");
        assertThat(person.statusCode()).isEqualTo(400);
        assertThat(field(person, 0)).isEqualTo("email");
        assertThat(message(person, 0)).isEqualTo("e-postadressen innehåller ett styrtecken (U+0007) som inte syns; ta bort det");

        var subscribe = app.submit("/subscribe", "/subscribe", Map.of("email", "esc\u001B@foretag.se", "name", "Esc",
                "topics", "2", "consent", "yes"));
        assertThat(subscribe.statusCode()).isEqualTo(400);
        assertThat(subscribe.body()).contains("e-postadressen innehåller ett styrtecken (U+001B) som inte syns");
        assertThat(app.mails("esc\u001B@foretag.se", "subscribe-confirm")).isEmpty();

        long dialog = app.publishDialog("Dialog", "2026-12-10T09:00", "2026-12-10T11:00", null, "[]");
        var register = app.submit("/dialogs/" + dialog, "/dialogs/" + dialog + "/register",
                Map.of("name", "Nul\u0000l", "email", "nul@foretag.se"));
        assertThat(register.statusCode()).isEqualTo(400);
        assertThat(register.body()).contains("namnet innehåller ett styrtecken (U+0000) som inte syns");
        assertThat(app.json(app.api("GET", "/api/v1/dialogs/" + dialog + "/registrations", null))).isEmpty();
    }

    @Test
    void the_import_uses_the_same_rules() {
        String sheet = "Kod;Åtgärd;Strategi;Ansvarig;E-post\n9.1;Rätt\u202Eväntad;1;;\n9.2;Lots;1;Bel;bel\u0007@kommun.se\n";
        assertThatThrownBy(() -> app.planbot.transfer().importCsv(sheet.getBytes(StandardCharsets.UTF_8), "import:test"))
                .isInstanceOfSatisfying(ImportFailed.class, failed -> assertThat(failed.problems()).containsExactly(
                        "rad 2: Åtgärd: titeln innehåller ett tecken som vänder skrivriktningen (U+202E); ta bort det",
                        "rad 3: E-post: e-postadressen innehåller ett styrtecken (U+0007) som inte syns; ta bort det"));
    }
}
