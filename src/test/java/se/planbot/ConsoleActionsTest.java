package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.plan.Action;
import se.planbot.plan.ActionDraft;
import se.planbot.plan.ActionFilter;
import se.planbot.plan.Change;
import se.planbot.plan.Person;
import se.planbot.plan.PersonDraft;
import se.planbot.plan.PersonRole;

/**
 * The coordinator keeps the plan in the console: list, filter, search, page, create, edit every
 * field, report progress. Every change is one history entry under "Name (konsol)", through the
 * plan's rules; a mistake is a Swedish message on the form and changes nothing.
 */
class ConsoleActionsTest {

    @TempDir
    Path folder;
    BusinessFixture app;
    ConsoleClient coordinator;
    Action action;

    @BeforeEach
    void start() {
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"));
        coordinator = ConsoleClient.signedIn(app, app.planbot.plan().personByEmail("koordinator@example.se").orElseThrow());
        action = app.planbot.plan().actions(ActionFilter.all()).stream().filter(each -> each.ownerId() != null)
                .findFirst().orElseThrow();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void the_list_filters_searches_and_pages() {
        for (int i = 1; i <= 30; i++) {
            app.planbot.plan().createAction(new ActionDraft("9." + i, "Extra åtgärd nummer " + i, "", 6, null, "", null, null,
                    null, null, null), "test");
        }
        int total = app.planbot.plan().actions(ActionFilter.all()).size();
        var first = coordinator.get("/admin/actions");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Visar 1–25 av " + total).contains("Nästa sida").doesNotContain("Föregående sida");
        var second = coordinator.get("/admin/actions?page=2");
        assertThat(second.body()).contains("Visar 26–" + Math.min(total, 50) + " av " + total).contains("Föregående sida");

        var searched = coordinator.get("/admin/actions?q=nummer+17");
        assertThat(searched.body()).contains("Extra åtgärd nummer 17").doesNotContain("Extra åtgärd nummer 16<")
                .contains("value=\"nummer 17\"");
        var filtered = coordinator.get("/admin/actions?strategy=6&status=planned&q=extra&page=2");
        assertThat(filtered.body()).contains("Visar 26–30 av 30").contains("page=1&amp;q=extra&amp;strategy=6&amp;status=planned");
        assertThat(coordinator.get("/admin/actions?page=abc&strategy=x&status=nej").statusCode()).isEqualTo(200);
    }

    @Test
    void editing_every_field_writes_one_history_entry_under_the_coordinators_name() {
        Person other = app.planbot.plan().people().stream().filter(person -> action.ownerId() != person.id())
                .filter(person -> person.role() == PersonRole.OWNER).findFirst().orElseThrow();
        int entries = app.planbot.plan().history(action.id()).size();
        var fields = fields(action);
        fields.put("title", "Ny titel för åtgärden");
        fields.put("ownerId", String.valueOf(other.id()));
        fields.put("deadline", "2027-06-30");
        fields.put("note", "Ny ansvarig efter omorganisationen");
        var saved = coordinator.post("/admin/actions/" + action.id(), fields);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValue("/admin/actions/" + action.id() + "?saved");

        Action after = app.planbot.plan().action(action.id()).orElseThrow();
        assertThat(after.title()).isEqualTo("Ny titel för åtgärden");
        assertThat(after.ownerId()).isEqualTo(other.id());
        assertThat(after.deadline()).hasToString("2027-06-30");
        List<Change> history = app.planbot.plan().history(action.id());
        assertThat(history).hasSize(entries + 1);
        Change entry = history.get(history.size() - 1);
        assertThat(entry.actor()).isEqualTo("Koordinator Demo (konsol)");
        assertThat(entry.note()).isEqualTo("Ny ansvarig efter omorganisationen");
        assertThat(entry.fields()).extracting(field -> field.field()).contains("title", "deadline");

        var page = coordinator.get("/admin/actions/" + action.id() + "?saved");
        assertThat(page.body()).contains("Sparat.").contains("Koordinator Demo (konsol): Ny ansvarig efter omorganisationen");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void emptying_an_optional_field_clears_it() {
        var fields = fields(action);
        fields.put("deadline", "");
        fields.put("ownerId", "");
        assertThat(coordinator.post("/admin/actions/" + action.id(), fields).statusCode()).isEqualTo(303);
        Action after = app.planbot.plan().action(action.id()).orElseThrow();
        assertThat(after.deadline()).isNull();
        assertThat(after.ownerId()).isNull();
    }

    @Test
    void a_wrong_value_is_refused_in_swedish_on_the_form_and_changes_nothing() {
        int entries = app.planbot.plan().history(action.id()).size();
        Action second = app.planbot.plan().actions(ActionFilter.all()).stream().filter(each -> each.id() != action.id())
                .findFirst().orElseThrow();
        var fields = fields(action);
        fields.put("deadline", "31/3");
        fields.put("progress", "mycket");
        var typed = coordinator.post("/admin/actions/" + action.id(), fields);
        assertThat(typed.statusCode()).isEqualTo(400);
        assertThat(typed.body()).contains("skriv datumet som år-månad-dag").contains("ange framsteg som ett heltal")
                .contains("value=\"31/3\"").contains("aria-invalid=\"true\"");

        fields = fields(action);
        fields.put("code", second.code());
        fields.put("title", "");
        var rules = coordinator.post("/admin/actions/" + action.id(), fields);
        assertThat(rules.statusCode()).isEqualTo(400);
        assertThat(rules.body()).contains("används redan av åtgärd " + second.id()).contains("titel saknas");
        assertThat(app.planbot.plan().history(action.id())).hasSize(entries);
        assertThat(app.planbot.plan().action(action.id()).orElseThrow()).isEqualTo(action);
    }

    @Test
    void a_new_action_is_created_with_its_history() {
        var fields = new LinkedHashMap<String, String>();
        fields.put("code", "7.1");
        fields.put("title", "Ny mötesplats för besöksnäringen");
        fields.put("strategy", "3");
        fields.put("status", "planned");
        fields.put("progress", "0");
        fields.put("deadline", "2027-05-31");
        var created = coordinator.post("/admin/actions", fields);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        Action action = app.planbot.plan().actionByCode("7.1").orElseThrow();
        assertThat(created.headers().firstValue("Location")).hasValue("/admin/actions/" + action.id() + "?saved");
        assertThat(app.planbot.plan().history(action.id())).singleElement()
                .satisfies(change -> assertThat(change.actor()).isEqualTo("Koordinator Demo (konsol)"));

        var missing = coordinator.post("/admin/actions", Map.of("code", "", "title", "", "status", "planned"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("kod saknas").contains("strategi saknas");
    }

    @Test
    void a_quick_report_is_one_history_entry_and_its_errors_stay_on_its_form() {
        int entries = app.planbot.plan().history(action.id()).size();
        var saved = coordinator.post("/admin/actions/" + action.id() + "/update",
                Map.of("status", "in_progress", "progress", "55", "note", "Halvvägs"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(app.planbot.plan().action(action.id()).orElseThrow().progress()).isEqualTo(55);
        assertThat(app.planbot.plan().history(action.id())).hasSize(entries + 1);

        var bad = coordinator.post("/admin/actions/" + action.id() + "/update", Map.of("status", "in_progress",
                "progress", "55", "note", ""));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"quick_status-fel\"").contains("ange status, framsteg eller en anteckning");
    }

    @Test
    void an_owner_sees_and_reports_on_their_own_action_only_and_the_working_group_reads_everything() {
        Person owner = app.planbot.plan().person(action.ownerId()).orElseThrow();
        Action others = app.planbot.plan().actions(ActionFilter.all()).stream()
                .filter(each -> each.ownerId() != null && !each.ownerId().equals(owner.id())).findFirst().orElseThrow();
        var asOwner = ConsoleClient.signedIn(app, owner);
        assertThat(asOwner.get("/admin/actions/" + action.id()).body()).contains("Rapportera läget").doesNotContain("Ändra åtgärden");
        assertThat(asOwner.post("/admin/actions/" + action.id() + "/update", Map.of("status", "in_progress", "progress", "20",
                "note", "")).statusCode()).isEqualTo(303);
        assertThat(asOwner.get("/admin/actions/" + others.id()).statusCode()).isEqualTo(403);
        assertThat(asOwner.post("/admin/actions/" + others.id() + "/update", Map.of("status", "done", "progress", "100",
                "note", "")).statusCode()).isEqualTo(403);
        assertThat(asOwner.get("/admin/actions").statusCode()).isEqualTo(403);
        assertThat(asOwner.post("/admin/actions/" + action.id(), fields(action)).statusCode()).isEqualTo(403);

        Person group = app.planbot.plan().createPerson(new PersonDraft("Greta Grupp", "greta@example.se", null,
                PersonRole.WORKING_GROUP));
        var asGroup = ConsoleClient.signedIn(app, group);
        assertThat(asGroup.get("/admin/actions").statusCode()).isEqualTo(200);
        assertThat(asGroup.get("/admin/actions/" + others.id()).body()).doesNotContain("Rapportera läget")
                .doesNotContain("Ändra åtgärden").contains("Historik");
        assertThat(asGroup.post("/admin/actions/" + others.id(), fields(others)).statusCode()).isEqualTo(403);
        assertThat(app.planbot.plan().action(others.id()).orElseThrow()).isEqualTo(others);
    }

    @Test
    void signed_out_or_without_the_csrf_field_nothing_changes() {
        var signedOut = ConsoleClient.signedOut(app);
        var list = signedOut.get("/admin/actions");
        assertThat(list.statusCode()).isEqualTo(303);
        assertThat(list.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).startsWith("/admin/login"));
        assertThat(signedOut.post("/admin/actions/" + action.id(), fields(action)).statusCode()).isEqualTo(401);
        var forged = coordinator.postWithoutCsrf("/admin/actions/" + action.id() + "/update",
                Map.of("status", "done", "progress", "100", "note", "x"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(app.planbot.plan().action(action.id()).orElseThrow()).isEqualTo(action);
    }

    @Test
    void an_unknown_action_is_the_consoles_not_found_page() {
        var missing = coordinator.get("/admin/actions/99999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Sidan finns inte").contains("Inloggad som Koordinator Demo");
    }

    private static LinkedHashMap<String, String> fields(Action action) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("code", action.code());
        fields.put("title", action.title());
        fields.put("description", action.description());
        fields.put("strategy", String.valueOf(action.strategyId()));
        fields.put("ownerId", action.ownerId() == null ? "" : String.valueOf(action.ownerId()));
        fields.put("department", action.department());
        fields.put("startDate", action.startDate() == null ? "" : action.startDate().toString());
        fields.put("deadline", action.deadline() == null ? "" : action.deadline().toString());
        fields.put("status", action.status().code());
        fields.put("progress", String.valueOf(action.progress()));
        return fields;
    }
}
