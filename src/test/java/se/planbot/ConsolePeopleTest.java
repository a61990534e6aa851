package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.plan.Action;
import se.planbot.plan.ActionFilter;
import se.planbot.plan.Change;
import se.planbot.plan.Person;
import se.planbot.plan.PersonRole;

/**
 * The coordinator keeps the people in the console: add, edit, change a role (which ends that
 * person's sessions), remove (their actions stay, ownerless, with a history entry). The last
 * coordinator cannot be removed or demoted, so someone can always sign in and run the programme.
 */
class ConsolePeopleTest {

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
    void a_person_is_added_and_a_bad_address_is_refused_in_swedish() {
        var list = coordinator.get("/admin/people");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Koordinator Demo").contains("Koordinator</td>");

        var added = coordinator.post("/admin/people", Map.of("name", "Åsa Öberg", "email", "asa@kommun.se", "slackUserId", "",
                "role", "working_group"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
        Person asa = app.planbot.plan().personByEmail("asa@kommun.se").orElseThrow();
        assertThat(asa.role()).isEqualTo(PersonRole.WORKING_GROUP);
        assertThat(added.headers().firstValue("Location")).hasValue("/admin/people/" + asa.id() + "?saved");

        var bad = coordinator.post("/admin/people", Map.of("name", "", "email", "asa-at-kommun", "slackUserId", "x",
                "role", "owner"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("namn saknas").contains("är ingen e-postadress").contains("inget Slack-användar-id")
                .contains("value=\"asa-at-kommun\"");
        var taken = coordinator.post("/admin/people", Map.of("name", "Åsa Två", "email", "ASA@kommun.se", "role", "owner"));
        assertThat(taken.body()).contains("e-postadressen används redan av Åsa Öberg");
        assertThat(coordinator.post("/admin/people", Map.of("name", "X", "role", "chef")).body()).contains("välj en roll i listan");
    }

    @Test
    void a_new_role_ends_the_persons_sessions() {
        Action action = ownedAction();
        Person owner = app.planbot.plan().person(action.ownerId()).orElseThrow();
        var asOwner = ConsoleClient.signedIn(app, owner);
        assertThat(asOwner.get("/admin").statusCode()).isEqualTo(200);
        var saved = coordinator.post("/admin/people/" + owner.id(), Map.of("name", owner.name(), "email", owner.email(),
                "slackUserId", "", "role", "working_group"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(asOwner.get("/admin").statusCode()).as("signed out: to the sign-in page").isEqualTo(303);
    }

    @Test
    void removing_a_person_leaves_their_actions_ownerless_with_their_history() {
        Action action = ownedAction();
        Person owner = app.planbot.plan().person(action.ownerId()).orElseThrow();
        int entries = app.planbot.plan().history(action.id()).size();
        var asOwner = ConsoleClient.signedIn(app, owner);

        var unconfirmed = coordinator.post("/admin/people/" + owner.id() + "/remove", Map.of());
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(unconfirmed.body()).contains("kryssa i rutan om du vill ta bort " + owner.name());
        assertThat(app.planbot.plan().person(owner.id())).isPresent();

        var removed = coordinator.post("/admin/people/" + owner.id() + "/remove", Map.of("confirm", "yes"));
        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(app.planbot.plan().person(owner.id())).isEmpty();
        assertThat(app.planbot.plan().action(action.id()).orElseThrow().ownerId()).isNull();
        var history = app.planbot.plan().history(action.id());
        assertThat(history).hasSize(entries + 1);
        Change last = history.get(history.size() - 1);
        assertThat(last.actor()).isEqualTo("Koordinator Demo (konsol)");
        assertThat(last.note()).isEqualTo(owner.name() + " är borttagen ur programmets personer");
        assertThat(asOwner.get("/admin").statusCode()).as("signed out: to the sign-in page").isEqualTo(303);
        assertThat(coordinator.get("/admin/people?removed").body()).contains("Personen är borttagen");
    }

    @Test
    void the_last_coordinator_stays_a_coordinator() {
        Person me = app.planbot.plan().personByEmail("koordinator@example.se").orElseThrow();
        var demoted = coordinator.post("/admin/people/" + me.id(), Map.of("name", me.name(), "email", me.email(),
                "role", "owner"));
        assertThat(demoted.statusCode()).isEqualTo(400);
        assertThat(demoted.body()).contains("är programmets enda koordinator");
        var removed = coordinator.post("/admin/people/" + me.id() + "/remove", Map.of("confirm", "yes"));
        assertThat(removed.statusCode()).isEqualTo(400);
        assertThat(app.planbot.plan().person(me.id()).orElseThrow().role()).isEqualTo(PersonRole.COORDINATOR);
        assertThat(coordinator.get("/admin/people/99999").statusCode()).isEqualTo(404);
    }

    private Action ownedAction() {
        return app.planbot.plan().actions(ActionFilter.all()).stream().filter(action -> action.ownerId() != null)
                .findFirst().orElseThrow();
    }
}
