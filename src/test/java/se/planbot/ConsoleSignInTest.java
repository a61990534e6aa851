package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.db.Jdbc;
import se.planbot.plan.Person;
import se.planbot.plan.PersonDraft;
import se.planbot.plan.PersonRole;

/**
 * Signing in to the console as a person does it: the address on /admin/login, the link in the
 * mail that really arrived (GreenMail), the button behind it, then a session held by the
 * database. Links are tried used, expired and tampered; sessions idle, restarted and ended.
 */
class ConsoleSignInTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final String COORDINATOR = "koordinator@example.se";
    private static final Pattern LINK = Pattern.compile("https://planbot\\.example\\.se(/admin/login/link\\S+)");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path folder;
    BusinessFixture app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private BusinessFixture start(Map<String, String> extra) {
        var settings = new HashMap<String, String>(Map.of("mail.transport", "smtp", "smtp.host", "127.0.0.1",
                "smtp.port", String.valueOf(greenMail.getSmtp().getPort()), "smtp.timeout-seconds", "5"));
        settings.putAll(extra);
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"), settings);
        return app;
    }

    private BusinessFixture start() {
        return start(Map.of());
    }

    @Test
    void a_coordinator_signs_in_with_the_link_from_the_mail_that_arrived() throws Exception {
        start();
        var asked = app.submit("/admin/login", "/admin/login", Map.of("email", COORDINATOR));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("Kolla din e-post");

        MimeMessage mail = receive(COORDINATOR);
        assertThat(mail.getSubject()).isEqualTo("Din inloggningslänk till Planbot");
        String link = link(mail);
        var page = app.get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Tryck på knappen för att logga in").contains("<button type=\"submit\">Logga in</button>");
        assertThat(page.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("planbot_session"));

        var signedIn = app.post(app.browser, "/admin/login/link", Map.of("token", token(link), "csrf", csrf(page)));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/admin");
        String cookie = sessionCookie(signedIn);
        assertThat(cookie).contains("; Path=/admin; HttpOnly; SameSite=Lax; Secure");

        var home = app.get("/admin");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Inloggad som Koordinator Demo");
        assertThat(home.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void the_page_says_the_same_for_an_unknown_address_and_no_mail_is_queued() {
        start();
        var known = app.submit("/admin/login", "/admin/login", Map.of("email", COORDINATOR));
        var unknown = app.submit("/admin/login", "/admin/login", Map.of("email", "okand@example.se"));
        assertThat(unknown.statusCode()).isEqualTo(known.statusCode());
        assertThat(unknown.body()).isEqualTo(known.body());
        assertThat(app.mails(COORDINATOR, "sign-in-link")).hasSize(1);
        assertThat(app.mails("okand@example.se", "sign-in-link")).isEmpty();
    }

    @Test
    void a_link_signs_in_once_and_a_mail_scanner_following_it_uses_nothing() {
        start();
        String link = askForLink();
        assertThat(app.get(link).statusCode()).isEqualTo(200);
        assertThat(app.get(link).statusCode()).as("a second GET, as a mail scanner does").isEqualTo(200);
        assertThat(useLink(link).statusCode()).isEqualTo(303);

        var again = app.get(link);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).contains("Länken fungerar inte längre").contains("redan använts");
        var reused = app.post(app.browser, "/admin/login/link", Map.of("token", token(link), "csrf", csrf(app.get("/admin/login"))));
        assertThat(reused.statusCode()).isEqualTo(404);
        assertThat(reused.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("planbot_session"));
    }

    @Test
    void a_link_expires_after_fifteen_minutes() {
        start();
        String link = askForLink();
        app.clock.advance(Duration.ofMinutes(14));
        assertThat(app.get(link).statusCode()).isEqualTo(200);
        app.clock.advance(Duration.ofMinutes(2));
        assertThat(app.get(link).statusCode()).isEqualTo(404);
        assertThat(useLink(link).statusCode()).isEqualTo(404);
    }

    @Test
    void a_tampered_link_shows_the_swedish_page_and_signs_nobody_in() {
        start();
        String link = askForLink();
        String tampered = link.substring(0, link.length() - 1) + (link.endsWith("A") ? "B" : "A");
        var page = app.get(tampered);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Länken fungerar inte längre").contains("Be om en ny inloggningslänk");
        assertThat(useLink(tampered).statusCode()).isEqualTo(404);
        assertThat(app.get("/admin?token=" + token(tampered)).statusCode()).isEqualTo(303);
    }

    @Test
    void signed_out_the_console_sends_you_to_the_sign_in_page() {
        start();
        var home = app.get("/admin");
        assertThat(home.statusCode()).isEqualTo(303);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).startsWith("/admin/login"));
        var forged = send(HttpRequest.newBuilder(URI.create(app.base + "/admin"))
                .header("Cookie", "planbot_session=" + "A".repeat(43)).GET().build());
        assertThat(forged.statusCode()).isEqualTo(303);
    }

    @Test
    void a_session_survives_a_restart() {
        start();
        String cookie = signIn();
        app.close();
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:30"));
        var home = withCookie(cookie, "/admin");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Koordinator Demo");
    }

    @Test
    void a_session_ends_after_eight_idle_hours_and_use_keeps_it_alive() {
        start();
        String cookie = signIn();
        app.clock.advance(Duration.ofHours(7));
        assertThat(withCookie(cookie, "/admin").statusCode()).isEqualTo(200);
        app.clock.advance(Duration.ofHours(7));
        assertThat(withCookie(cookie, "/admin").statusCode()).as("used 7 hours ago").isEqualTo(200);
        app.clock.advance(Duration.ofHours(8).plusMinutes(1));
        assertThat(withCookie(cookie, "/admin").statusCode()).isEqualTo(303);
        app.clock.advance(Duration.ofMinutes(-30));
        assertThat(withCookie(cookie, "/admin").statusCode()).as("an ended session stays ended").isEqualTo(303);
    }

    @Test
    void the_idle_timeout_is_configurable() {
        start(Map.of("console.idle-timeout-minutes", "30"));
        String cookie = signIn();
        app.clock.advance(Duration.ofMinutes(31));
        assertThat(withCookie(cookie, "/admin").statusCode()).isEqualTo(303);
    }

    @Test
    void signing_out_ends_the_session_on_the_server() {
        start();
        String cookie = signIn();
        var home = withCookie(cookie, "/admin");
        var out = send(HttpRequest.newBuilder(URI.create(app.base + "/admin/logout"))
                .header("Cookie", "planbot_session=" + cookie + "; planbot_csrf=" + csrf(home))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf(home))).build());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).hasValue("/admin/login?signedOut");
        assertThat(out.headers().allValues("Set-Cookie")).anyMatch(value -> value.startsWith("planbot_session=;")
                && value.contains("Max-Age=0"));
        assertThat(withCookie(cookie, "/admin").statusCode()).isEqualTo(303);
        assertThat(app.get("/admin/login?signedOut").body()).contains("Du är utloggad.");
    }

    @Test
    void a_new_role_ends_every_session_of_that_person() {
        start();
        String first = signIn();
        String second = signIn();
        Person coordinator = app.planbot.plan().personByEmail(COORDINATOR).orElseThrow();
        app.planbot.plan().createPerson(new PersonDraft("Ny Koordinator", "ny@example.se", null, PersonRole.COORDINATOR));
        app.planbot.plan().updatePerson(coordinator.id(), new PersonDraft(coordinator.name(), coordinator.email(),
                "U0KOORD1", coordinator.role()));
        assertThat(withCookie(first, "/admin").statusCode()).as("another field changed").isEqualTo(200);

        app.planbot.plan().updatePerson(coordinator.id(), new PersonDraft(coordinator.name(), coordinator.email(),
                "U0KOORD1", PersonRole.WORKING_GROUP));
        assertThat(withCookie(first, "/admin").statusCode()).isEqualTo(303);
        assertThat(withCookie(second, "/admin").statusCode()).isEqualTo(303);
    }

    @Test
    void an_empty_or_malformed_address_is_refused_in_swedish_and_mails_nothing() {
        start();
        for (String bad : new String[] {"", "   ", "koordinator.example.se", "a@b@c"}) {
            var answer = app.submit("/admin/login", "/admin/login", Map.of("email", bad));
            assertThat(answer.statusCode()).as(bad).isEqualTo(400);
            assertThat(answer.body()).as(bad).contains("Ange din e-postadress, till exempel namn@kommun.se.")
                    .contains("aria-invalid=\"true\"");
        }
        assertThat(signInMailCount()).isZero();
    }

    @Test
    void a_form_without_its_csrf_field_changes_nothing() {
        start();
        app.get("/admin/login");
        var answer = app.post(app.browser, "/admin/login", Map.of("email", COORDINATOR));
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(app.mails(COORDINATOR, "sign-in-link")).isEmpty();
    }

    @Test
    void one_address_gets_at_most_five_links_an_hour_whoever_asks() {
        start(Map.of("web.forms-per-hour", "100"));
        for (int i = 0; i < 5; i++) {
            assertThat(app.submit("/admin/login", "/admin/login", Map.of("email", "Okand@Example.se")).statusCode()).isEqualTo(200);
        }
        var sixth = app.submit("/admin/login", "/admin/login", Map.of("email", "okand@example.se"));
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).hasValue("3600");
        app.clock.advance(Duration.ofMinutes(61));
        assertThat(app.submit("/admin/login", "/admin/login", Map.of("email", "okand@example.se")).statusCode()).isEqualTo(200);
    }

    @Test
    void one_client_asks_for_links_at_most_forms_per_hour_times() {
        start(Map.of("web.forms-per-hour", "3"));
        for (int i = 0; i < 3; i++) {
            assertThat(app.submit("/admin/login", "/admin/login", Map.of("email", "person" + i + "@example.se")).statusCode())
                    .isEqualTo(200);
        }
        assertThat(app.submit("/admin/login", "/admin/login", Map.of("email", COORDINATOR)).statusCode()).isEqualTo(429);
        assertThat(app.mails(COORDINATOR, "sign-in-link")).isEmpty();
    }

    @Test
    void over_plain_http_the_session_cookie_is_not_marked_secure() {
        start(Map.of("public.base-url", "http://localhost:7070"));
        String link = askForLink();
        var signedIn = useLink(link);
        assertThat(sessionCookie(signedIn)).contains("HttpOnly; SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void the_sign_in_pages_speak_english_with_the_locale() throws Exception {
        start();
        var form = app.get("/admin/login?locale=en");
        assertThat(form.body()).contains("<html lang=\"en\">").contains("Send sign-in link");
        var asked = app.post(app.browser, "/admin/login", Map.of("email", COORDINATOR, "locale", "en", "csrf", csrf(form)));
        assertThat(asked.body()).contains("Check your email");
        MimeMessage mail = receive(COORDINATOR);
        assertThat(mail.getSubject()).isEqualTo("Your sign-in link to Planbot");
        assertThat(link(mail)).contains("locale=en&token=");
        assertThat(app.get(link(mail)).body()).contains("Press the button to sign in.");
    }

    // --- helpers -------------------------------------------------------------------------

    /** Asks for a link for the coordinator and returns its path (from the outbox, as the mail would carry it). */
    private String askForLink() {
        app.submit("/admin/login", "/admin/login", Map.of("email", COORDINATOR));
        String url = app.lastMail(COORDINATOR, "sign-in-link").get("signInUrl").asText();
        return BusinessFixture.path(url);
    }

    private HttpResponse<String> useLink(String link) {
        return app.post(app.browser, "/admin/login/link", Map.of("token", token(link), "csrf", csrf(app.get("/admin/login"))));
    }

    /** Signs the coordinator in and returns the session cookie's value. */
    private String signIn() {
        String cookie = sessionCookie(useLink(askForLink()));
        return cookie.substring("planbot_session=".length(), cookie.indexOf(';'));
    }

    private HttpResponse<String> withCookie(String session, String path) {
        return send(HttpRequest.newBuilder(URI.create(app.base + path))
                .header("Cookie", "planbot_session=" + session).GET().build());
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("planbot_session="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + response.headers()));
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).as("CSRF field in " + page.body()).isTrue();
        return matcher.group(1);
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + 6);
    }

    private long signInMailCount() {
        return app.planbot.database().read(connection -> Jdbc.count(connection,
                "select count(*) from outbox where template = 'sign-in-link'"));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return app.cookieless.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The sign-in mail to {@code recipient} (other mails, such as reminders, may arrive beside it). */
    private MimeMessage receive(String recipient) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            app.planbot.dispatcher().dispatchDue();
            for (MimeMessage message : greenMail.getReceivedMessages()) {
                if (message.getSubject().matches("Din inloggningslänk.*|Your sign-in link.*")
                        && Arrays.stream(message.getAllRecipients()).anyMatch(address -> address.toString().contains(recipient))) {
                    return message;
                }
            }
            greenMail.waitForIncomingEmail(200, greenMail.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no mail to " + recipient);
    }

    private static String link(MimeMessage mail) throws Exception {
        String text = plainText(mail);
        Matcher matcher = LINK.matcher(text);
        assertThat(matcher.find()).as("sign-in link in " + text).isTrue();
        return matcher.group(1);
    }

    private static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }
}
