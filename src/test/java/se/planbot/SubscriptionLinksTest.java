package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The links in mails and the forms behind them: safe against scanners, forgery, guessing and floods. */
class SubscriptionLinksTest {

    @TempDir
    Path folder;
    BusinessFixture app;

    @BeforeEach
    void start() {
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"), Map.of("web.forms-per-hour", "5"));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private String signUp(String email) {
        var page = app.submit("/subscribe", "/subscribe", Map.of("email", email, "name", "Anna",
                "topics", List.of(1, 2), "consent", "yes"));
        assertThat(page.statusCode()).isEqualTo(200);
        return BusinessFixture.path(app.lastMail(email, "subscribe-confirm").get("confirmUrl").asText());
    }

    private static String token(String path) {
        return path.substring(path.indexOf("token=") + 6);
    }

    @Test
    void opening_the_confirmation_link_changes_nothing_until_the_button_is_pressed() {
        String link = signUp("anna@foretag.se");
        var page = app.get(link);
        app.get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Bekräfta prenumerationen").contains("method=\"post\"");
        assertThat(app.subscriberStatus("anna@foretag.se")).isEqualTo("pending");

        var confirmed = app.submit(link, "/subscribe/confirm", Map.of("token", token(link)));
        assertThat(confirmed.body()).contains("prenumerationen är bekräftad");
        assertThat(app.subscriberStatus("anna@foretag.se")).isEqualTo("confirmed");
    }

    @Test
    void a_confirmation_link_older_than_seven_days_is_refused_and_signing_up_again_sends_a_new_one() {
        String old = signUp("anna@foretag.se");
        app.clock.advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(app.get(old).statusCode()).isEqualTo(404);
        assertThat(app.get(old).body()).contains("äldre än 7 dagar");
        var refused = app.post(app.browser, "/subscribe/confirm", Map.of("token", token(old), "csrf", "x"));
        assertThat(refused.statusCode()).isIn(403, 404);
        assertThat(app.subscriberStatus("anna@foretag.se")).isEqualTo("pending");

        String fresh = signUp("anna@foretag.se");
        assertThat(fresh).isNotEqualTo(old);
        assertThat(app.mails("anna@foretag.se", "subscribe-confirm")).hasSize(2);
        assertThat(app.submit(fresh, "/subscribe/confirm", Map.of("token", token(fresh))).statusCode()).isEqualTo(200);
        assertThat(app.subscriberStatus("anna@foretag.se")).isEqualTo("confirmed");
    }

    @Test
    void a_tampered_token_opens_nothing() {
        String link = signUp("anna@foretag.se");
        String token = token(link);
        String tampered = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);
        assertThat(app.get("/subscribe/confirm?token=" + tampered).statusCode()).isEqualTo(404);
        var post = app.submit("/subscribe", "/subscribe/confirm", Map.of("token", tampered));
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(app.get("/unsubscribe?token=" + tampered).statusCode()).isEqualTo(404);
        assertThat(app.get("/preferences?token=").statusCode()).isEqualTo(404);
        assertThat(app.post(app.cookieless, "/unsubscribe?token=" + tampered, Map.of("List-Unsubscribe", "One-Click"))
                .statusCode()).isEqualTo(404);
        // Only the hash is stored: the plain token appears nowhere in the database.
        long found = app.planbot.database().read(connection -> se.planbot.db.Jdbc.count(connection,
                "select count(*) from subscriber_tokens where token_hash = ? or token_hash like ?", token, "%" + token + "%"));
        assertThat(found).isZero();
        assertThat(app.subscriberStatus("anna@foretag.se")).isEqualTo("pending");
    }

    @Test
    void the_unsubscribe_link_shows_a_button_and_get_changes_nothing() {
        app.subscribeAndConfirm("anna@foretag.se", "Anna", List.of(2));
        app.publishDialog("Dialog", "2026-12-10T09:00", "2026-12-10T11:00", null, "[]");
        String link = BusinessFixture.path(app.lastMail("anna@foretag.se", "dialog-invitation").get("unsubscribeUrl").asText());
        var page = app.get(link);
        app.get(link);
        assertThat(page.body()).contains("<form method=\"post\" action=\"/unsubscribe\">");
        assertThat(app.subscriberStatus("anna@foretag.se")).isEqualTo("confirmed");

        var pressed = app.post(app.browser, "/unsubscribe", Map.of("token", token(link)));
        assertThat(pressed.statusCode()).isEqualTo(200);
        assertThat(app.subscriberStatus("anna@foretag.se")).isEqualTo("unsubscribed");
        // Pressing again (or the one-click POST after the button) is harmless.
        assertThat(app.post(app.cookieless, link, Map.of("List-Unsubscribe", "One-Click")).statusCode()).isEqualTo(200);
    }

    @Test
    void the_preferences_link_changes_topics_and_resumes_an_ended_subscription() {
        app.subscribeAndConfirm("anna@foretag.se", "Anna", List.of(2));
        app.publishDialog("Dialog", "2026-12-10T09:00", "2026-12-10T11:00", null, "[2]");
        String link = BusinessFixture.path(app.lastMail("anna@foretag.se", "dialog-invitation").get("preferencesUrl").asText());
        app.post(app.cookieless, link.replace("/preferences", "/unsubscribe"), Map.of("List-Unsubscribe", "One-Click"));
        assertThat(app.get(link).body()).contains("Din prenumeration är avslutad");

        var none = app.submit(link, "/preferences", Map.of("token", token(link)));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("välj minst en strategi");

        var saved = app.submit(link, "/preferences", Map.of("token", token(link), "topics", List.of(4, 5)));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("Dina val är sparade");
        assertThat(app.subscriberStatus("anna@foretag.se")).isEqualTo("confirmed");
        app.publishDialog("Om strategi 5", "2026-12-11T09:00", "2026-12-11T11:00", null, "[5]");
        assertThat(app.mails("anna@foretag.se", "dialog-invitation")).hasSize(2);
    }

    @Test
    void signing_up_answers_the_same_whether_or_not_the_address_is_known() {
        var unknown = app.submit("/subscribe", "/subscribe", Map.of("email", "ny@foretag.se", "name", "Ny",
                "topics", List.of(1), "consent", "yes"));
        app.subscribeAndConfirm("kand@foretag.se", "Känd", List.of(1));
        // Past the resend pause that the welcome mail (with its preferences link) started.
        app.clock.advance(Duration.ofMinutes(6));
        var known = app.submit("/subscribe", "/subscribe", Map.of("email", "kand@foretag.se", "name", "Känd",
                "topics", List.of(1), "consent", "yes"));
        assertThat(known.statusCode()).isEqualTo(unknown.statusCode());
        assertThat(strip(known.body())).isEqualTo(strip(unknown.body()));
        // The known, confirmed address gets a link to its preferences instead, and nothing changes.
        assertThat(app.lastMail("kand@foretag.se", "subscribe-known").get("preferencesUrl").asText()).contains("/preferences?token=");
        assertThat(app.subscriberStatus("kand@foretag.se")).isEqualTo("confirmed");
    }

    @Test
    void signing_up_one_address_again_and_again_mails_it_once_per_five_minutes() {
        signUp("anna@foretag.se");
        signUp("anna@foretag.se");
        signUp("anna@foretag.se");
        assertThat(app.mails("anna@foretag.se", "subscribe-confirm")).hasSize(1);
        app.clock.advance(Duration.ofMinutes(6));
        signUp("anna@foretag.se");
        assertThat(app.mails("anna@foretag.se", "subscribe-confirm")).hasSize(2);
    }

    private static String strip(String page) {
        return page.replaceAll("name=\"csrf\" value=\"[^\"]+\"", "");
    }

    @Test
    void a_form_post_without_its_csrf_field_is_refused() {
        var forged = app.post(app.browser, "/subscribe", Map.of("email", "x@foretag.se", "name", "X",
                "topics", "1", "consent", "yes"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Formuläret kunde inte skickas");
        assertThat(app.subscriberStatus("x@foretag.se")).isEqualTo("none");
    }

    @Test
    void subscribing_is_rate_limited_per_client() {
        for (int i = 0; i < 5; i++) {
            signUp("person" + i + "@foretag.se");
        }
        var limited = app.submit("/subscribe", "/subscribe", Map.of("email", "sjatte@foretag.se", "name", "Sjätte",
                "topics", List.of(1), "consent", "yes"));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(app.subscriberStatus("sjatte@foretag.se")).isEqualTo("none");
        app.clock.advance(Duration.ofHours(1).plusSeconds(1));
        signUp("sjatte@foretag.se");
    }

    @Test
    void bad_input_is_named_field_by_field_in_swedish_and_escaped() {
        var page = app.submit("/subscribe", "/subscribe", Map.of("email", "inte-en-adress", "name", "<script>alert(1)</script>",
                "orgNumber", "556036-0794", "topics", List.of(99)));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body())
                .contains("e-postadressen saknar @")
                .contains("organisationsnumret stämmer inte")
                .contains("strategi 99 finns inte")
                .contains("kryssa i att du godkänner")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>");
        assertThat(app.businessMailCount()).isZero();

        var valid = app.submit("/subscribe", "/subscribe", Map.of("email", "ok@foretag.se", "name", "Ok",
                "orgNumber", "556036-0793", "topics", List.of(1), "consent", "yes"));
        assertThat(valid.statusCode()).isEqualTo(200);
    }

    @Test
    void a_browser_asking_for_a_page_that_does_not_exist_gets_a_swedish_page_and_the_api_keeps_its_answer() throws Exception {
        var page = app.browser.send(HttpRequest.newBuilder(URI.create(app.base + "/finns-inte"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("<html lang=\"sv\">").contains("Sidan finns inte");
        var api = app.browser.send(HttpRequest.newBuilder(URI.create(app.base + "/api/v1/finns-inte"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).doesNotContain("<html");
        // A page's own 404 (an unknown link) is left as it is.
        assertThat(app.get("/unsubscribe?token=x").body()).contains("Länken fungerar inte");
    }

    @Test
    void pages_are_swedish_by_default_and_english_on_request() {
        var swedish = app.get("/subscribe");
        var english = app.get("/subscribe?locale=en");
        assertThat(swedish.body()).contains("<html lang=\"sv\">").contains("Prenumerera på inbjudningar");
        assertThat(english.body()).contains("<html lang=\"en\">").contains("Subscribe to invitations");
        assertThat(swedish.headers().firstValue("Content-Security-Policy")).isPresent();
        var englishErrors = app.submit("/subscribe?locale=en", "/subscribe", Map.of("email", "nope", "name", "N",
                "topics", List.of(1), "consent", "yes", "locale", "en"));
        assertThat(englishErrors.statusCode()).isEqualTo(400);
        assertThat(englishErrors.body()).contains("<html lang=\"en\">").contains("Enter a valid email address")
                .doesNotContain("e-postadress");
    }

    @Test
    void links_in_an_english_subscribers_mails_open_english_pages() {
        var sent = app.submit("/subscribe?locale=en", "/subscribe", Map.of("email", "john@firm.co.uk", "name", "John",
                "topics", List.of(2), "consent", "yes", "locale", "en"));
        assertThat(sent.statusCode()).isEqualTo(200);
        String confirmUrl = app.lastMail("john@firm.co.uk", "subscribe-confirm").get("confirmUrl").asText();
        var confirmPage = app.get(BusinessFixture.path(confirmUrl));
        assertThat(confirmPage.body()).as(confirmUrl).contains("<html lang=\"en\">");
        String path = BusinessFixture.path(confirmUrl);
        String token = path.substring(path.indexOf("token=") + 6);
        assertThat(app.submit(path, "/subscribe/confirm", Map.of("token", token, "locale", "en")).statusCode()).isEqualTo(200);

        app.publishDialog("Dialog", "2026-12-10T09:00", "2026-12-10T11:00", null, "[2]");
        var invitation = app.lastMail("john@firm.co.uk", "dialog-invitation");
        for (String link : List.of("preferencesUrl", "unsubscribeLink", "registerUrl")) {
            String url = invitation.get(link).asText();
            assertThat(app.get(BusinessFixture.path(url)).body()).as(link + " " + url).contains("<html lang=\"en\">");
        }
    }

    @Test
    void one_click_unsubscribe_needs_no_cookie_and_works_with_the_form_body_mail_clients_send() throws Exception {
        app.subscribeAndConfirm("anna@foretag.se", "Anna", List.of(2));
        app.publishDialog("Dialog", "2026-12-10T09:00", "2026-12-10T11:00", null, "[2]");
        String link = app.lastMail("anna@foretag.se", "dialog-invitation").get("unsubscribeUrl").asText();
        var response = app.cookieless.send(HttpRequest.newBuilder(URI.create(app.base + BusinessFixture.path(link)))
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "--x\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--x--\r\n"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(app.subscriberStatus("anna@foretag.se")).isEqualTo("unsubscribed");
    }
}
