package se.planbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.TestPlanbot;

/** Notes are internal unless made public; internal notes never reach the public page or an anonymous read. */
class NoteVisibilityTest {

    @TempDir
    Path folder;

    private TestPlanbot app;
    private String token;

    @BeforeEach
    void start() {
        app = TestPlanbot.started(folder).withDemo();
        token = app.token();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private JsonNode lastEntry() throws Exception {
        JsonNode history = new ObjectMapper().readTree(app.get("/api/v1/actions/1").body()).path("history");
        return history.get(history.size() - 1);
    }

    @Test
    void a_note_from_the_api_is_internal_by_default_and_never_shown_publicly() throws Exception {
        var sent = app.send("POST", "/api/v1/actions/1/updates", token,
                "{\"progress\":45,\"note\":\"Ring Per på 070-123 45 67\"}");
        assertThat(sent.statusCode()).isEqualTo(201);

        assertThat(app.get("/plan/actions/1").body()).doesNotContain("070-123 45 67");
        assertThat(app.get("/api/v1/actions/1").body()).doesNotContain("070-123 45 67");
        assertThat(lastEntry().path("notePublic").asBoolean()).isFalse();
        assertThat(app.planbot().plan().history(1).get(app.planbot().plan().history(1).size() - 1).note())
                .as("kept for staff").isEqualTo("Ring Per på 070-123 45 67");
    }

    @Test
    void a_note_marked_public_is_shown_on_the_public_page_and_in_the_api() throws Exception {
        app.send("POST", "/api/v1/actions/1/updates", token, "{\"note\":\"Första mötet hållet\",\"notePublic\":true}");
        app.send("PATCH", "/api/v1/actions/1", token, "{\"deadline\":\"2027-06-30\",\"note\":\"Internt: budget saknas\"}");

        String page = app.get("/plan/actions/1").body();
        assertThat(page).contains("Första mötet hållet").doesNotContain("budget saknas");
        assertThat(lastEntry().path("note").asText()).isEmpty();
        var refused = app.send("POST", "/api/v1/actions/1/updates", token, "{\"note\":\"x\",\"notePublic\":\"ja\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("notePublic").contains("ska vara true eller false");
    }
}
