package se.planbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.auth.ApiTokens;
import se.planbot.plan.Person;
import se.planbot.plan.PersonRole;

/**
 * The console's access level, before the console exists: a route declared {@code console(coordinator)}
 * refuses a signed-out browser (401 page) and another role (403 page), admits a coordinator, and
 * still wants the CSRF field on a POST. Who is signed in comes from {@link ConsoleSessions}.
 */
class ConsoleAccessTest {

    @TempDir
    Path folder;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_console_route_admits_only_a_signed_in_person_with_its_role() throws Exception {
        try (var database = se.planbot.TestDatabase.open(folder.resolve("p.db"))) {
            ConsoleSessions sessions = ctx -> Optional.ofNullable(ctx.header("X-Test-Role"))
                    .flatMap(PersonRole::fromCode).map(role -> new Person(1, "Karin", "karin@kommun.se", null, role));
            var pages = new Pages(new PebbleRenderer(Path.of("templates")), new Csrf(false), Pages.SWEDISH,
                    Map.of("name", "Planbot"), false);
            var guard = new AccessGuard(new Auth(new ApiTokens(database, Clock.systemUTC())), pages, sessions);
            var console = Access.console(PersonRole.COORDINATOR);
            var web = new WebServer(new ObjectMapper(), List.of(
                    Route.get("/admin", ctx -> ctx.result("inne: " + AccessGuard.person(ctx).name()), console),
                    Route.post("/admin", ctx -> ctx.result("sparat"), console)),
                    guard, null, new PebbleRenderer(Path.of("templates")), null).start(0);
            try {
                var signedOut = send(web, "GET", null);
                assertThat(signedOut.statusCode()).isEqualTo(303);
                assertThat(signedOut.headers().firstValue("Location")).hasValue("/admin/login");
                var postSignedOut = send(web, "POST", null);
                assertThat(postSignedOut.statusCode()).isEqualTo(401);
                assertThat(postSignedOut.body()).contains("<h1>Inloggning krävs</h1>");

                var owner = send(web, "GET", "owner");
                assertThat(owner.statusCode()).isEqualTo(403);
                assertThat(owner.body()).contains("<h1>Sidan är inte öppen för dig</h1>");

                var coordinator = send(web, "GET", "coordinator");
                assertThat(coordinator.statusCode()).isEqualTo(200);
                assertThat(coordinator.body()).isEqualTo("inne: Karin");

                var postWithoutCsrf = send(web, "POST", "coordinator");
                assertThat(postWithoutCsrf.statusCode()).isEqualTo(403);
                assertThat(postWithoutCsrf.body()).contains("<h1>Formuläret kunde inte skickas</h1>");
            } finally {
                web.stop();
            }
        }
    }

    @Test
    void without_a_console_nobody_is_signed_in() {
        assertThat(ConsoleSessions.NONE.signedIn(null)).isEmpty();
    }

    private HttpResponse<String> send(WebServer web, String method, String role) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + web.port() + "/admin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("name=x"));
        if (role != null) {
            request.header("X-Test-Role", role);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
