package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.planbot.web.Access;
import se.planbot.web.Route;

/**
 * Every console route of the running route table: what it answers is never cached
 * ({@code Cache-Control: no-store}: pages, downloads, redirects, refusals, signed in or out),
 * every form its pages show carries the CSRF field, and a POST without it is refused with the
 * 403 page and changes nothing.
 */
class ConsoleSafetyTest {

    private static final Pattern FORM = Pattern.compile("(?s)<form[^>]*method=\"post\"[^>]*>(.*?)</form>");

    @org.junit.jupiter.api.io.TempDir
    static Path folder;
    static BusinessFixture app;
    static ConsoleClient coordinator;
    static ConsoleClient signedOut;

    @BeforeAll
    static void start() {
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"));
        coordinator = ConsoleClient.signedIn(app, app.planbot.plan().personByEmail("koordinator@example.se").orElseThrow());
        signedOut = ConsoleClient.signedOut(app);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** Console routes; in their paths {year} is 2026 and any other {…} 1 (the demo's first action, person, dialog). */
    private static List<Route> consoleRoutes() {
        var routes = new ArrayList<Route>();
        for (Route route : app.planbot.routes()) {
            if (route.access().level() == Access.Level.CONSOLE) {
                routes.add(route);
            }
        }
        assertThat(routes).hasSizeGreaterThan(30);
        return routes;
    }

    private static String path(Route route) {
        return route.path().replace("{year}", "2026").replaceAll("\\{[A-Za-z]+\\}", "1");
    }

    @Test
    void every_console_page_and_download_is_no_store_and_every_form_on_it_carries_the_csrf_field() {
        var formsSeen = new ArrayList<String>();
        for (Route route : consoleRoutes()) {
            if (!route.method().name().equals("GET")) {
                continue;
            }
            HttpResponse<String> page = coordinator.get(path(route));
            assertThat(page.statusCode()).as(route + ": " + page.body()).isLessThan(500);
            assertThat(page.headers().firstValue("Cache-Control")).as(route.toString()).hasValue("no-store");
            HttpResponse<String> out = signedOut.get(path(route));
            assertThat(out.statusCode()).as(route + " signed out").isEqualTo(303);
            assertThat(out.headers().firstValue("Cache-Control")).as(route + " signed out").hasValue("no-store");
            Matcher form = FORM.matcher(page.body());
            while (form.find()) {
                assertThat(form.group(1)).as("a form on " + route).contains("name=\"csrf\" value=\"");
                formsSeen.add(route.path());
            }
        }
        assertThat(formsSeen).contains("/admin/import", "/admin/dialogs/{id}", "/admin/subscribers", "/admin/tokens");
    }

    @Test
    void every_console_post_without_the_csrf_field_is_refused_with_the_403_page_and_no_store() {
        long tokens = app.planbot.tokens().list().size();
        for (Route route : consoleRoutes()) {
            if (route.method().name().equals("GET")) {
                continue;
            }
            HttpResponse<String> refused = coordinator.postWithoutCsrf(path(route),
                    Map.of("name", "Utan CSRF", "role", "coordinator", "confirm", "yes", "email", "anna@foretag.se"));
            assertThat(refused.statusCode()).as(route.toString()).isEqualTo(403);
            assertThat(refused.body()).as(route.toString()).contains("Formuläret kunde inte skickas");
            assertThat(refused.headers().firstValue("Cache-Control")).as(route.toString()).hasValue("no-store");
            HttpResponse<String> out = signedOut.post(path(route), Map.of());
            assertThat(out.statusCode()).as(route + " signed out").isEqualTo(401);
            assertThat(out.headers().firstValue("Cache-Control")).as(route + " signed out").hasValue("no-store");
        }
        assertThat(app.planbot.tokens().list()).as("nothing was created").hasSize((int) tokens);
    }
}
