package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Form answers that match what happened: the address's actual mistake, the same rules on both
 * forms, a link used twice says it was used, and the rate limit says when to try again.
 */
class FormMessagesTest {

    @TempDir
    Path folder;

    @Test
    void subscribe_and_register_name_the_same_mistakes_the_same_way() {
        try (var app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"))) {
            long dialog = app.publishDialog("Frukostmöte", "2026-12-10T09:00", "2026-12-10T11:00", null, "[2]");
            String longName = "N".repeat(201);
            var subscribe = app.submit("/subscribe", "/subscribe", Map.of("email", "karin@", "name", longName,
                    "company", "Företaget\rAB", "topics", List.of(2), "consent", "yes"));
            var register = app.submit("/dialogs/" + dialog, "/dialogs/" + dialog + "/register",
                    Map.of("email", "karin@", "name", longName, "company", "Företaget\rAB"));
            for (var answer : List.of(subscribe, register)) {
                assertThat(answer.statusCode()).isEqualTo(400);
                assertThat(answer.body()).contains("det saknas en domän efter @ (t.ex. namn@foretag.se)")
                        .doesNotContain("å, ä eller ö")
                        .contains("namnet ska vara en rad på högst 200 tecken")
                        .contains("företagets namn ska vara en rad på högst 200 tecken");
            }
            var empty = app.submit("/subscribe", "/subscribe", Map.of("email", "karin@foretag.se", "name", " ",
                    "topics", List.of(2), "consent", "yes"));
            assertThat(empty.body()).contains("ange ditt namn");
        }
    }

    @Test
    void a_confirmation_link_used_again_says_already_confirmed_and_an_unsubscribe_link_already_ended() {
        try (var app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"))) {
            app.submit("/subscribe", "/subscribe", Map.of("email", "anna@foretag.se", "name", "Anna",
                    "topics", List.of(2), "consent", "yes"));
            String confirm = BusinessFixture.path(app.lastMail("anna@foretag.se", "subscribe-confirm").get("confirmUrl").asText());
            String token = confirm.substring(confirm.indexOf("token=") + 6);
            assertThat(app.submit(confirm, "/subscribe/confirm", Map.of("token", token)).body())
                    .contains("Tack, prenumerationen är bekräftad");

            var again = app.get(confirm);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).contains("Prenumerationen är redan bekräftad").doesNotContain("Länken fungerar inte");
            assertThat(app.submit("/subscribe", "/subscribe/confirm", Map.of("token", token)).body())
                    .contains("Prenumerationen är redan bekräftad");
            assertThat(app.get("/subscribe/confirm?token=ogiltig").body()).contains("Länken fungerar inte");

            String manage = BusinessFixture.path(app.lastMail("anna@foretag.se", "subscribe-welcome")
                    .get("unsubscribeLink").asText());
            assertThat(app.get(manage).body()).contains("Avsluta prenumerationen").contains("<form method=\"post\"");
            String manageToken = manage.substring(manage.indexOf("token=") + 6);
            assertThat(app.post(app.browser, "/unsubscribe", Map.of("token", manageToken)).body())
                    .contains("Prenumerationen är avslutad");
            assertThat(app.get(manage).body()).contains("Prenumerationen är redan avslutad")
                    .doesNotContain("class=\"danger\"");
            assertThat(app.post(app.browser, "/unsubscribe", Map.of("token", manageToken)).body())
                    .contains("Prenumerationen är redan avslutad");
        }
    }

    @Test
    void the_rate_limit_page_says_in_how_many_minutes_to_try_again() {
        try (var app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"), Map.of("web.forms-per-hour", "2"))) {
            Map<String, Object> fields = Map.of("email", "a@foretag.se", "name", "A", "topics", List.of(2), "consent", "yes");
            app.submit("/subscribe", "/subscribe", fields);
            app.clock.set(app.clock.instant().plus(Duration.ofMinutes(20)));
            app.submit("/subscribe", "/subscribe", fields);
            var limited = app.submit("/subscribe", "/subscribe", fields);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValue(String.valueOf(40 * 60));
            assertThat(limited.body()).contains("Försök igen om 40 minuter.");
            app.clock.set(app.clock.instant().plus(Duration.ofMinutes(39)).plusSeconds(30));
            assertThat(app.submit("/subscribe", "/subscribe", fields).body()).contains("Försök igen om 1 minut.");
        }
    }
}
