package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.dialogs.Dialog;
import se.planbot.dialogs.DialogState;

/**
 * Dialoger in the console: a draft is created (every mistake said on the page, nothing saved),
 * publishing first says how many subscribers will be invited and then queues exactly those
 * invitations, a cancel needs its box ticked, and the registrations and waiting list are listed
 * and downloadable as CSV.
 */
class ConsoleDialogsTest {

    @TempDir
    Path folder;
    BusinessFixture app;
    ConsoleClient coordinator;

    @BeforeEach
    void start() {
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"));
        coordinator = ConsoleClient.signedIn(app, app.planbot.plan().personByEmail("koordinator@example.se").orElseThrow());
        app.subscribeAndConfirm("anna@foretag.se", "Anna", List.of(2));
        app.subscribeAndConfirm("bo@foretag.se", "Bo", List.of(2, 3));
        app.subscribeAndConfirm("cilla@foretag.se", "Cilla", List.of(5));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private static Map<String, String> fields(String title, String start, String end, String capacity, String... strategies) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("title", title);
        fields.put("theme", "Innovationskraft");
        fields.put("start", start);
        fields.put("end", end);
        fields.put("place", "Stadshuset, sal 1");
        fields.put("capacity", capacity);
        for (String strategy : strategies) {
            fields.put("strategies", strategy); // one strategy per form here; the API test covers several
        }
        return fields;
    }

    private long newest() {
        return app.planbot.dialogs().dialogs().allDialogs(java.time.Instant.EPOCH).stream()
                .mapToLong(Dialog::id).max().orElseThrow();
    }

    @Test
    void a_wrong_form_says_every_mistake_in_swedish_and_saves_nothing() {
        long before = newest();
        var refused = coordinator.post("/admin/dialogs", fields("", "2026-12-10T10:00", "2026-12-10 09:00", "många"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("skriv antalet platser som ett heltal");
        var rules = coordinator.post("/admin/dialogs", fields("", "2026-12-10T10:00", "2026-12-10 09:00", "40"));
        assertThat(rules.statusCode()).isEqualTo(400);
        assertThat(rules.body()).contains("får inte vara tom").contains("slutet ska vara efter starten")
                .contains("value=\"40\"");
        var badTime = coordinator.post("/admin/dialogs", fields("Frukost", "i morgon", "2026-12-10 09:00", ""));
        assertThat(badTime.body()).contains("i morgon").contains("är ingen tid");
        assertThat(newest()).isEqualTo(before);
    }

    @Test
    void publishing_says_first_how_many_are_invited_and_then_invites_exactly_them() {
        var created = coordinator.post("/admin/dialogs", fields("Workshop: handel i centrum", "2026-12-18 13:00",
                "2026-12-18 15:00", "1", "2"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        long id = newest();
        assertThat(app.planbot.dialogs().dialogs().require(id).state()).isEqualTo(DialogState.DRAFT);
        assertThat(app.mails("anna@foretag.se", "dialog-invitation")).isEmpty();

        var confirm = coordinator.get("/admin/dialogs/" + id + "/publish");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("<strong>2</strong> prenumeranter bjuds in").contains("Publicera och bjud in 2");
        assertThat(app.planbot.dialogs().dialogs().require(id).state()).as("the page changes nothing").isEqualTo(DialogState.DRAFT);

        var published = coordinator.post("/admin/dialogs/" + id + "/publish", Map.of());
        assertThat(published.statusCode()).isEqualTo(303);
        assertThat(published.headers().firstValue("Location")).hasValue("/admin/dialogs/" + id + "?published=2");
        assertThat(app.mails("anna@foretag.se", "dialog-invitation")).hasSize(1);
        assertThat(app.mails("bo@foretag.se", "dialog-invitation")).hasSize(1);
        assertThat(app.mails("cilla@foretag.se", "dialog-invitation")).isEmpty();
        assertThat(coordinator.get("/admin/dialogs/" + id + "?published=2").body()).contains("Dialogen är publicerad: 2 inbjudningar");

        // One seat: the second registration waits; both are listed, and in the CSV.
        app.submit("/dialogs/" + id, "/dialogs/" + id + "/register", Map.of("name", "Först Företagare", "email", "forst@a.se"));
        app.submit("/dialogs/" + id, "/dialogs/" + id + "/register", Map.of("name", "Väntar Företagare", "email", "vantar@a.se"));
        String page = coordinator.get("/admin/dialogs/" + id).body();
        assertThat(page).contains("Har plats (1)").contains("Väntelista (1)").contains("forst@a.se").contains("vantar@a.se");
        var csv = coordinator.download("/admin/dialogs/" + id + "/registrations.csv");
        assertThat(csv.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("forst@a.se").contains("väntelista");

        var again = coordinator.get("/admin/dialogs/" + id + "/publish");
        assertThat(again.body()).contains("inte ett utkast längre");
    }

    @Test
    void an_edit_is_saved_and_a_cancel_needs_its_box_ticked() {
        long id = app.publishDialog("Frukostmöte", "2026-12-10T08:00", "2026-12-10T09:00", null, "[2]");
        var edited = coordinator.post("/admin/dialogs/" + id, fields("Frukostmöte om kompetens", "2026-12-10 08:00",
                "2026-12-10 09:30", "", "2"));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(303);
        Dialog dialog = app.planbot.dialogs().dialogs().require(id);
        assertThat(dialog.title()).isEqualTo("Frukostmöte om kompetens");
        assertThat(dialog.sequence()).as("a new end time tells the invitees").isEqualTo(1);

        var unticked = coordinator.post("/admin/dialogs/" + id + "/cancel", Map.of());
        assertThat(unticked.statusCode()).isEqualTo(400);
        assertThat(unticked.body()).contains("kryssa i rutan om du vill ställa in dialogen");
        assertThat(app.planbot.dialogs().dialogs().require(id).state()).isEqualTo(DialogState.PUBLISHED);

        var cancelled = coordinator.post("/admin/dialogs/" + id + "/cancel", Map.of("confirm", "yes"));
        assertThat(cancelled.statusCode()).isEqualTo(303);
        assertThat(app.planbot.dialogs().dialogs().require(id).state()).isEqualTo(DialogState.CANCELLED);
        assertThat(app.mails("anna@foretag.se", "dialog-cancel")).hasSize(1);
        assertThat(coordinator.get("/admin/dialogs").body()).contains("Frukostmöte om kompetens").contains("Inställd");
        assertThat(coordinator.get("/admin/dialogs/999").statusCode()).isEqualTo(404);
        assertThat(coordinator.get("/admin/dialogs/new").body()).contains("Ny dialog");
    }
}
