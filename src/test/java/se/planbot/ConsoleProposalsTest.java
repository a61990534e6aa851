package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.db.Jdbc;
import se.planbot.plan.PersonDraft;
import se.planbot.plan.PersonRole;

/**
 * Review in the console, signed in, by real HTTP with CSRF: the working group lists and comments,
 * only the coordinator decides; accepting creates the action pre-filled; a workshop's proposals
 * are registered one per line or from a CSV file, all or nothing.
 */
class ConsoleProposalsTest {

    @TempDir
    Path folder;
    BusinessFixture app;
    ConsoleClient coordinator;
    ConsoleClient workingGroup;

    @BeforeEach
    void start() {
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"));
        coordinator = ConsoleClient.signedIn(app, app.planbot.plan().personByEmail("koordinator@example.se").orElseThrow());
        workingGroup = ConsoleClient.signedIn(app, app.planbot.plan().createPerson(
                new PersonDraft("Wera Grupp", "wera@kommun.se", null, PersonRole.WORKING_GROUP)));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void the_working_group_lists_and_comments_and_the_coordinator_accepts_into_a_prefilled_action() {
        var registered = coordinator.post("/admin/proposals", Map.of("origin", "meeting",
                "lines", "Gemensam lunchbuss\nFler praktikplatser: kommunen samordnar\n\n"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(303);
        long id = count("proposals");
        assertThat(app.planbot.proposals().require(id).description()).isEqualTo("kommunen samordnar");

        var list = workingGroup.get("/admin/proposals?state=received");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Gemensam lunchbuss").contains("Fler praktikplatser")
                .doesNotContain("Fler cykelparkeringar"); // the demo's rejected one is filtered out
        assertThat(workingGroup.post("/admin/proposals/" + id + "/comment",
                Map.of("comment", "Hör med Campus om handledare")).statusCode()).isEqualTo(303);
        assertThat(workingGroup.get("/admin/proposals/" + id).body()).contains("Hör med Campus om handledare")
                .contains("Wera Grupp (konsol)").doesNotContain("/admin/proposals/" + id + "/decision");
        assertThat(workingGroup.post("/admin/proposals/" + id + "/decision", Map.of("decision", "accepted"))
                .statusCode()).isEqualTo(403);
        assertThat(app.get("/proposals/" + id).body()).doesNotContain("Hör med Campus");

        assertThat(coordinator.post("/admin/proposals/" + id + "/review", Map.of()).statusCode()).isEqualTo(303);
        var accepted = coordinator.post("/admin/proposals/" + id + "/decision", Map.of("decision", "accepted",
                "answer", "Blir en åtgärd", "create", "yes", "title", "Fler praktikplatser", "strategy", "2", "ownerId", "4",
                "deadline", "2027-06-30"));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(303);
        var proposal = app.planbot.proposals().require(id);
        var action = app.planbot.plan().requireAction(proposal.actionIds().get(0));
        assertThat(action.origin()).isEqualTo("proposal");
        assertThat(action.description()).isEqualTo("kommunen samordnar");
        assertThat(action.deadline()).hasToString("2027-06-30");
        assertThat(action.ownerId()).isEqualTo(4L);

        long actions = count("actions");
        var again = coordinator.post("/admin/proposals/" + id + "/decision", Map.of("decision", "rejected", "answer", "Nej"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("redan antaget");
        assertThat(count("actions")).isEqualTo(actions);
    }

    @Test
    void a_workshop_sheet_is_registered_all_or_nothing_with_each_mistake_named_by_its_row() {
        long before = count("proposals");
        String bad = "Rubrik;Beskrivning;Strategi;Namn;E-post;Samtycke\n"
                + "Lokal matmarknad;Varje lördag;4;Eva Ek;eva@ekbygg.se;ja\n"
                + ";Utan rubrik;2;;;\n"
                + "Företagslots;;2;Bo Berg;bo@ekbygg.se;\n";
        var refused = coordinator.postFile("/admin/proposals", Map.of("origin", "meeting"), "file", "workshop.csv",
                bad.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("rad 3: ge förslaget en rubrik").contains("rad 4: kryssa i");
        assertThat(count("proposals")).isEqualTo(before);

        String good = bad.replace(";Utan rubrik;2;;;\n", "").replace("bo@ekbygg.se;\n", "bo@ekbygg.se;ja\n");
        var done = coordinator.postFile("/admin/proposals", Map.of("origin", "meeting"), "file", "workshop.csv",
                good.getBytes(StandardCharsets.UTF_8));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        assertThat(count("proposals")).isEqualTo(before + 2);
        assertThat(app.mails("eva@ekbygg.se", "proposal-receipt")).hasSize(1);
    }

    @Test
    void too_long_lines_refuse_the_whole_batch() {
        long before = count("proposals");
        var refused = coordinator.post("/admin/proposals", Map.of("origin", "meeting",
                "lines", "Bra idé\n" + "x".repeat(300)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("rad 2");
        assertThat(count("proposals")).isEqualTo(before);
    }

    private long count(String table) {
        return app.planbot.database().read(connection -> Jdbc.count(connection, "select count(*) from " + table));
    }
}
