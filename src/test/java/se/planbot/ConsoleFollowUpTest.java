package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.followup.Section;

/** The coordinator writes, marks ready and publishes the yearly follow-up in the console, over real HTTP. */
class ConsoleFollowUpTest {

    @TempDir
    Path folder;
    BusinessFixture app;
    ConsoleClient coordinator;

    @BeforeEach
    void start() {
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"));
        coordinator = ConsoleClient.signedIn(app, app.planbot.plan().personByEmail("koordinator@example.se").orElseThrow());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void the_coordinator_starts_writes_marks_ready_and_publishes_the_report_after_confirming() {
        assertThat(coordinator.get("/admin/follow-up").body()).contains("Ingen uppföljning är påbörjad ännu.")
                .contains("value=\"2025\"");

        var started = coordinator.post("/admin/follow-up", Map.of("year", "2026"));
        assertThat(started.statusCode()).isEqualTo(303);
        assertThat(started.headers().firstValue("Location")).hasValue("/admin/follow-up/2026?started");
        var draft = coordinator.get("/admin/follow-up/2026?started");
        assertThat(draft.statusCode()).isEqualTo(200);
        assertThat(draft.body()).contains("Utkastet för 2026 är skapat.").contains("0 av 5 avsnitt är klara.")
                .contains("Förhandsvisning med dagens siffror").contains("Kompetensförsörjning");
        var preview = coordinator.get("/admin/follow-up/2026/uppfoljning.pdf");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Content-Type")).get().asString().startsWith("application/pdf");
        assertThat(app.get("/follow-up/2026").statusCode()).isEqualTo(404);

        for (Section section : Section.values()) {
            var saved = coordinator.post("/admin/follow-up/2026/sections/" + section.code(),
                    Map.of("body", "Om " + section.title().toLowerCase() + ": företagen i Alingsås växte.", "ready", "on"));
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        }
        assertThat(coordinator.post("/admin/follow-up/2026/meetings",
                Map.of("meetings", "2027-04-15 Näringslivsforum")).statusCode()).isEqualTo(303);
        assertThat(coordinator.get("/admin/follow-up/2026").body()).contains("5 av 5 avsnitt är klara.")
                .contains("href=\"/admin/follow-up/2026/publish\"");

        var confirm = coordinator.get("/admin/follow-up/2026/publish");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("låses siffrorna som de är just nu");
        var unconfirmed = coordinator.post("/admin/follow-up/2026/publish", Map.of());
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(unconfirmed.body()).contains("kryssa i att du vill publicera uppföljningen");
        assertThat(app.get("/follow-up/2026").statusCode()).isEqualTo(404);

        var published = coordinator.post("/admin/follow-up/2026/publish", Map.of("confirm", "ja"));
        assertThat(published.statusCode()).isEqualTo(303);
        assertThat(coordinator.get("/admin/follow-up/2026?published").body())
                .contains("Uppföljningen 2026 är publicerad.").contains("Starta utkastet för 2027 med texterna från 2026");
        var page = app.get("/follow-up/2026");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Om inledning: företagen i Alingsås växte.").contains("Näringslivsforum");
        assertThat(coordinator.post("/admin/follow-up/2026/sections/introduction", Map.of("body", "Ändrad", "ready", "on"))
                .statusCode()).isEqualTo(400);

        assertThat(coordinator.post("/admin/follow-up", Map.of("year", "2027")).statusCode()).isEqualTo(303);
        assertThat(coordinator.get("/admin/follow-up/2027").body()).contains("Om nästa år: företagen i Alingsås växte.")
                .contains("0 av 5 avsnitt är klara.");
    }

    @Test
    void a_section_marked_ready_without_text_is_refused_keeping_nothing_and_naming_the_field() {
        coordinator.post("/admin/follow-up", Map.of("year", "2026"));

        HttpResponse<String> refused = coordinator.post("/admin/follow-up/2026/sections/indicators",
                Map.of("body", " ", "ready", "on"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("href=\"#indicators\"").contains("skriv en text i ”Mål och indikatorer”")
                .contains("aria-invalid=\"true\"");
        assertThat(app.planbot.followUp().reports().require(2026).section(Section.INDICATORS).ready()).isFalse();
    }

    @Test
    void the_publish_page_names_the_sections_not_ready_and_publishing_them_is_refused() {
        coordinator.post("/admin/follow-up", Map.of("year", "2026"));
        coordinator.post("/admin/follow-up/2026/sections/introduction", Map.of("body", "Klart.", "ready", "on"));

        var page = coordinator.get("/admin/follow-up/2026/publish");
        var refused = coordinator.post("/admin/follow-up/2026/publish", Map.of("confirm", "ja"));

        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.body()).contains("Inte klara: Mål och indikatorer, Åtgärder per strategi");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(app.planbot.followUp().reports().require(2026).isPublished()).isFalse();
    }

    @Test
    void a_bad_year_or_meeting_line_is_refused_with_a_swedish_message() {
        var badYear = coordinator.post("/admin/follow-up", Map.of("year", "tjugo"));
        assertThat(badYear.statusCode()).isEqualTo(400);
        assertThat(badYear.body()).contains("ange året som fyra siffror");
        coordinator.post("/admin/follow-up", Map.of("year", "2026"));
        assertThat(coordinator.post("/admin/follow-up", Map.of("year", "2026")).body())
                .contains("det finns redan en uppföljning för 2026");

        var badLine = coordinator.post("/admin/follow-up/2026/meetings", Map.of("meetings", "i vår Näringslivsforum"));

        assertThat(badLine.statusCode()).isEqualTo(400);
        assertThat(badLine.body()).contains("rad 1: ”i” är inget datum").contains("i vår Näringslivsforum</textarea>");
        assertThat(coordinator.get("/admin/follow-up/1999").statusCode()).isEqualTo(404);
    }

    @Test
    void an_owner_may_not_open_the_follow_up() {
        var owner = ConsoleClient.signedIn(app, app.planbot.plan().personByEmail("anna.milsta@example.se").orElseThrow());

        assertThat(owner.get("/admin/follow-up").statusCode()).isEqualTo(403);
        assertThat(owner.post("/admin/follow-up", Map.of("year", "2026")).statusCode()).isEqualTo(403);
        assertThat(app.planbot.followUp().reports().reports()).isEmpty();
    }
}
