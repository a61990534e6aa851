package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.db.Jdbc;
import se.planbot.oidc.FakeIdentityProvider;

/**
 * Console sign-in through the (fake, Entra-shaped) identity provider, over real HTTP as a browser
 * does it: the login page's button, the provider and back, a console session; and the Swedish
 * pages for an unknown person, a replayed callback and a token for another application.
 */
class ConsoleOidcTest {

    @TempDir
    Path folder;
    private FakeIdentityProvider provider;
    private BusinessFixture app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    private void start(Map<String, String> extra) throws Exception {
        var clock = new MutableClock(BusinessFixture.at("2026-12-01T10:00"));
        provider = new FakeIdentityProvider(clock);
        var settings = new HashMap<String, String>(Map.of("auth.oidc.issuer", provider.issuer(),
                "auth.oidc.client-id", provider.clientId, "auth.oidc.client-secret", provider.clientSecret));
        settings.putAll(extra);
        app = new BusinessFixture(folder, clock.instant(), settings);
        provider.user = Map.of("email", "Koordinator@Example.se", "name", "Koordinator Demo");
    }

    /** Button → provider → callback: the callback's response (the browser keeps the cookies). */
    private HttpResponse<String> signInThroughProvider() throws Exception {
        var started = app.get("/admin/login/oidc");
        assertThat(started.statusCode()).isEqualTo(303);
        assertThat(started.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("planbot_oidc=")
                && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Secure"));
        var atProvider = app.cookieless.send(HttpRequest.newBuilder(URI.create(started.headers().firstValue("Location")
                .orElseThrow())).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(atProvider.statusCode()).isEqualTo(302);
        return app.get(BusinessFixture.path(atProvider.headers().firstValue("Location").orElseThrow()));
    }

    @Test
    void a_coordinator_signs_in_with_the_municipal_account_and_gets_a_console_session() throws Exception {
        start(Map.of());
        var login = app.get("/admin/login");
        assertThat(login.body()).contains("<a class=\"button\" href=\"/admin/login/oidc\">Logga in med kommunens konto</a>")
                .contains("Skicka inloggningslänk");

        var back = signInThroughProvider();
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(back.headers().firstValue("Location")).contains("/admin");
        assertThat(back.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("planbot_session="))
                .anyMatch(cookie -> cookie.startsWith("planbot_oidc=;") && cookie.contains("Max-Age=0"));
        var home = app.get("/admin");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Koordinator Demo");
        Optional<String> via = app.planbot.database().read(connection -> Jdbc.one(connection,
                "select via from console_sessions", row -> row.getString(1)));
        assertThat(via).contains("oidc");
    }

    @Test
    void someone_not_in_the_people_table_gets_a_swedish_page_and_no_session() throws Exception {
        start(Map.of());
        provider.user = Map.of("email", "praktikant@example.se", "name", "Praktikant");
        var refused = signInThroughProvider();
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Du finns inte i Planbot").contains("praktikant@example.se")
                .contains("Be programmets koordinator lägga till dig");
        assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("planbot_session="));
        assertThat(app.get("/admin").statusCode()).as("still signed out: sent to sign in").isEqualTo(303);
    }

    @Test
    void a_replayed_callback_and_a_token_for_another_application_are_refused_with_swedish_pages() throws Exception {
        start(Map.of());
        var started = app.get("/admin/login/oidc");
        var atProvider = app.cookieless.send(HttpRequest.newBuilder(URI.create(started.headers().firstValue("Location")
                .orElseThrow())).build(), HttpResponse.BodyHandlers.discarding());
        String callback = BusinessFixture.path(atProvider.headers().firstValue("Location").orElseThrow());
        assertThat(app.get(callback).statusCode()).isEqualTo(303);
        var replayed = app.get(callback);
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(replayed.body()).contains("Inloggningen gick inte att slutföra").contains("Börja om från inloggningssidan");

        provider.audienceOverride = "00000003-0000-0000-c000-000000000000";
        var foreign = signInThroughProvider();
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).contains("Svaret var utfärdat till en annan tjänst än Planbot");
    }

    @Test
    void with_mail_links_turned_off_only_the_provider_signs_in() throws Exception {
        start(Map.of("auth.mail-link", "false"));
        var login = app.get("/admin/login");
        assertThat(login.body()).contains("Logga in med kommunens konto").doesNotContain("Skicka inloggningslänk");
        assertThat(app.post(app.browser, "/admin/login", Map.of("email", "koordinator@example.se")).statusCode())
                .isIn(403, 404, 405);
        assertThat(app.mails("koordinator@example.se", "sign-in-link")).isEmpty();
    }
}
