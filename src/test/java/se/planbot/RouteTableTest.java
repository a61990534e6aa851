package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.planbot.auth.TokenRole;
import se.planbot.slack.FakeSlackApi;
import se.planbot.web.Access;
import se.planbot.web.Route;

/**
 * Walks the route table of a running Planbot (Slack on, so {@code /slack/events} is in it) and
 * proves every route refuses what its access level refuses, so a new route cannot forget its
 * check: no token → 401 problem+json, a token below the role → 403 problem+json, a form without
 * its CSRF field → the 403 page, a link without its token → the 404 page, an unsigned Slack
 * request → 401, a console page with nobody signed in → the 401 page. HEAD answers as GET does,
 * and another method on a known path is 405 with {@code Allow}.
 */
class RouteTableTest {

    @TempDir
    static Path folder;
    private static FakeSlackApi slack;
    private static BusinessFixture app;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The year of the published follow-up: {@code {year}} in a path stands for it. */
    private static final int FOLLOW_UP_YEAR = 2026;

    @BeforeAll
    static void start() throws IOException {
        slack = new FakeSlackApi();
        app = new BusinessFixture(folder, Instant.parse("2026-12-01T09:00:00Z"), Map.of(
                "slack.bot-token", "xoxb-fake", "slack.signing-secret", "route-table-secret",
                "slack.api-url", slack.apiUrl()));
        app.publishFollowUp(FOLLOW_UP_YEAR);
    }

    @AfterAll
    static void stop() {
        app.close();
        slack.close();
    }

    static List<Route> routes() {
        return app.planbot.routes();
    }

    static List<Route> getRoutes() {
        return routes().stream().filter(route -> route.method().name().equals("GET")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void every_route_refuses_what_its_access_level_refuses(Route route) throws Exception {
        String path = concrete(route.path(), "999999");
        String method = route.method().name();
        switch (route.access().level()) {
            case TOKEN -> {
                var none = send(method, path, Optional.empty(), Map.of());
                assertThat(none.statusCode()).isEqualTo(401);
                assertProblem(none);
                assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"planbot\"");
                assertThat(send(method, path, Optional.of("pbt_forged"), Map.of()).statusCode()).isEqualTo(401);
                if (route.access().token() == TokenRole.ADMIN) {
                    var coordinator = send(method, path, Optional.of(app.token), Map.of());
                    assertThat(coordinator.statusCode()).isEqualTo(403);
                    assertProblem(coordinator);
                }
                var admitted = send(method, path, Optional.of(tokenFor(route.access())), Map.of());
                assertThat(admitted.statusCode()).as(admitted.body()).isNotIn(401, 403).isLessThan(500);
            }
            case FORM -> {
                var stale = send(method, path, Optional.empty(), Map.of("Content-Type", "application/x-www-form-urlencoded"));
                assertThat(stale.statusCode()).isEqualTo(403);
                assertPage(stale, "Formuläret kunde inte skickas");
            }
            case LINK -> {
                var badLink = send(method, path, Optional.empty(), Map.of());
                assertThat(badLink.statusCode()).isEqualTo(404);
                assertThat(badLink.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
            }
            case SLACK -> assertThat(send(method, path, Optional.empty(), Map.of()).statusCode()).isEqualTo(401);
            case CONSOLE -> {
                var signedOut = send(method, path, Optional.empty(), Map.of());
                if (method.equals("GET")) {
                    assertThat(signedOut.statusCode()).isEqualTo(303);
                    assertThat(signedOut.headers().firstValue("Location")).hasValue("/admin/login");
                } else {
                    assertThat(signedOut.statusCode()).isEqualTo(401);
                    assertPage(signedOut, "Inloggning krävs");
                }
            }
            case PUBLIC, OPERATOR -> assertThat(send(method, concrete(route.path(), "1"), Optional.empty(), Map.of())
                    .statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("getRoutes")
    void head_answers_as_get_does_with_the_same_content_type_and_no_body(Route route) throws Exception {
        String path = concrete(route.path(), "1");
        Optional<String> token = route.access().level() == Access.Level.TOKEN
                ? Optional.of(tokenFor(route.access())) : Optional.empty();
        var get = send("GET", path, token, Map.of());
        var head = send("HEAD", path, token, Map.of());
        assertThat(head.statusCode()).isEqualTo(get.statusCode()).isLessThan(500);
        assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
        assertThat(head.body()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void another_method_on_a_known_path_is_405_with_allow(Route route) throws Exception {
        var wrong = send("DELETE", concrete(route.path(), "1"), Optional.of(app.adminToken), Map.of());
        assertThat(wrong.statusCode()).isEqualTo(405);
        assertProblem(wrong);
        assertThat(wrong.headers().firstValue("Allow")).get().asString().contains(route.method().name());
    }

    @Test
    void an_unknown_path_is_the_swedish_page_for_people_and_problem_json_for_programs() throws Exception {
        var page = send("GET", "/finns-inte", Optional.empty(), Map.of());
        assertThat(page.statusCode()).isEqualTo(404);
        assertPage(page, "Sidan finns inte");
        var api = send("GET", "/api/v1/finns-inte", Optional.empty(), Map.of());
        assertThat(api.statusCode()).isEqualTo(404);
        assertProblem(api);
    }

    @Test
    void every_route_is_listed_in_the_readme_with_its_access_level() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        for (Route route : routes()) {
            assertThat(readme).as("README's route table lists " + route)
                    .contains("| `" + route.method() + " " + route.path() + "` | `" + route.access() + "` |");
        }
    }

    @Test
    void nothing_that_changes_data_is_open_to_anyone() {
        assertThat(routes()).filteredOn(route -> !route.method().name().equals("GET"))
                .allSatisfy(route -> assertThat(route.access().level()).as(route.toString())
                        .isNotIn(Access.Level.PUBLIC, Access.Level.OPERATOR));
    }

    private static String tokenFor(Access access) {
        return access.token() == TokenRole.ADMIN ? app.adminToken : app.token;
    }

    private static String concrete(String path, String id) {
        return path.replace("{year}", Integer.toString(FOLLOW_UP_YEAR)).replaceAll("\\{[^/}]+}", id);
    }

    private static HttpResponse<String> send(String method, String path, Optional<String> token,
            Map<String, String> headers) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(app.base + path))
                .method(method, method.equals("GET") || method.equals("HEAD")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(""));
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":" + response.statusCode());
    }

    private static void assertPage(HttpResponse<String> response, String heading) {
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(response.body()).contains("<h1>" + heading + "</h1>");
    }
}
