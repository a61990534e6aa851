package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.planbot.plan.Action;
import se.planbot.plan.ActionFilter;
import se.planbot.plan.Person;
import se.planbot.plan.PersonDraft;
import se.planbot.plan.PersonRole;
import se.planbot.web.Access;
import se.planbot.web.Route;

/**
 * Who may see and do what in the console: every {@code console(...)} route of the running route
 * table, walked with a signed-in coordinator, owner and working-group member (and signed out).
 * A role the route names gets past the guard; any other gets the 403 page; signed out the 401
 * page. {@code {id}} is an action the owner owns, so the owner's refusals are the route's, not
 * the action's.
 */
class ConsoleRoleMatrixTest {

    @org.junit.jupiter.api.io.TempDir
    static Path folder;
    static BusinessFixture app;
    static Action owned;
    static Map<PersonRole, ConsoleClient> clients;

    @BeforeAll
    static void start() {
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"));
        owned = app.planbot.plan().actions(ActionFilter.all()).stream().filter(action -> action.ownerId() != null)
                .findFirst().orElseThrow();
        Person owner = app.planbot.plan().person(owned.ownerId()).orElseThrow();
        Person coordinator = app.planbot.plan().personByEmail("koordinator@example.se").orElseThrow();
        Person group = app.planbot.plan().createPerson(new PersonDraft("Greta Grupp", "greta@example.se", null,
                PersonRole.WORKING_GROUP));
        clients = Map.of(PersonRole.COORDINATOR, ConsoleClient.signedIn(app, coordinator),
                PersonRole.OWNER, ConsoleClient.signedIn(app, owner),
                PersonRole.WORKING_GROUP, ConsoleClient.signedIn(app, group));
        // {year} is a follow-up draft, so its pages answer as they would for the coordinator.
        app.planbot.followUp().reports().startDraft(2026, "test");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static List<Arguments> routesAndRoles() {
        var cases = new ArrayList<Arguments>();
        for (Route route : app.planbot.routes()) {
            if (route.access().level() != Access.Level.CONSOLE) {
                continue;
            }
            for (PersonRole role : PersonRole.values()) {
                cases.add(Arguments.of(route, role));
            }
        }
        assertThat(cases).as("console routes in the table").hasSizeGreaterThan(9);
        return cases;
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("routesAndRoles")
    void a_role_the_route_names_gets_in_and_any_other_gets_the_403_page(Route route, PersonRole role) {
        String path = route.path().replace("{id}", String.valueOf(owned.id())).replace("{year}", "2026")
                .replace("{section}", "introduction");
        ConsoleClient client = clients.get(role);
        // A POST sends no fields: past the guard that is a form error (400) or a redirect, never 401/403.
        HttpResponse<String> answer = route.method().name().equals("GET") ? client.get(path) : client.post(path, Map.of());
        if (route.access().console().contains(role)) {
            assertThat(answer.statusCode()).as(answer.body()).isNotIn(401, 403).isLessThan(500);
        } else {
            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.body()).contains("Sidan är inte öppen för dig");
        }
        var signedOut = ConsoleClient.signedOut(app);
        var refused = route.method().name().equals("GET") ? signedOut.get(path) : signedOut.post(path, Map.of());
        // Signed out, a page sends you to sign in (303); a form post is refused (401).
        assertThat(refused.statusCode()).isEqualTo(route.method().name().equals("GET") ? 303 : 401);
    }
}
