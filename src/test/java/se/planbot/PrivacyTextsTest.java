package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the public is told about its personal data matches what Planbot keeps: the controller is
 * named with a contact and the privacy notice on every form, the consent covers every field the
 * form asks for, and the confirmation mail says how long an unconfirmed sign-up is kept.
 */
class PrivacyTextsTest {

    static final Map<String, String> SETTINGS = Map.of(
            "organisation.name", "Alingsås kommun",
            "privacy.notice-url", "https://www.alingsas.se/personuppgifter",
            "privacy.contact", "dataskydd@alingsas.se");

    @TempDir
    Path folder;

    @Test
    void the_subscribe_form_asks_consent_for_every_field_it_asks_for_and_names_the_controller() {
        try (var app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"), SETTINGS)) {
            String form = app.get("/subscribe").body();
            assertThat(form).contains("name=\"orgNumber\"")
                    .contains("Jag godkänner att Alingsås kommun sparar min e-postadress, mitt namn, mitt företag och "
                            + "organisationsnummer (om jag anger dem)")
                    .contains("Version av texten: 2026-2")
                    .contains("Personuppgiftsansvarig är Alingsås kommun.")
                    .contains("<a href=\"/personuppgifter\">Så hanterar vi dina personuppgifter</a>")
                    .contains("<a href=\"https://www.alingsas.se/personuppgifter\">");
        }
    }

    @Test
    void the_registration_form_says_what_is_kept_and_who_is_responsible() {
        try (var app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"), SETTINGS)) {
            long id = app.publishDialog("Frukostmöte", "2026-12-10T09:00", "2026-12-10T11:00", null, "[2]");
            String form = app.get("/dialogs/" + id).body();
            assertThat(form).contains("Vi sparar ditt namn, företag och din e-postadress för att hantera din anmälan")
                    .contains("Personuppgiftsansvarig är Alingsås kommun.")
                    .contains("<a href=\"/personuppgifter\">");
        }
    }

    @Test
    void the_privacy_page_names_controller_contact_notice_and_how_long_things_are_kept() {
        try (var app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"), SETTINGS)) {
            var page = app.get("/personuppgifter");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Personuppgiftsansvarig är <strong>Alingsås kommun</strong>")
                    .contains("<a href=\"mailto:dataskydd@alingsas.se\">")
                    .contains("<a href=\"https://www.alingsas.se/personuppgifter\">")
                    .contains("organisationsnummer").contains("efter 7 dagar").contains("Integritetsskyddsmyndigheten");
            assertThat(app.get("/personuppgifter?locale=en").body()).contains("The controller of your personal data is");
            for (String path : List.of("/", "/plan", "/dialogs", "/tillganglighet")) {
                assertThat(app.get(path).body()).as(path).contains("<a href=\"/personuppgifter\">Personuppgifter</a>");
            }
        }
    }

    @Test
    void the_confirmation_mail_says_an_unconfirmed_sign_up_is_erased_when_its_link_expires() {
        try (var app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"), SETTINGS)) {
            app.submit("/subscribe", "/subscribe", Map.of("email", "anna@foretag.se", "name", "Anna",
                    "topics", List.of(2), "consent", "yes"));
            String mail = app.sentText("anna@foretag.se", "subscribe-confirm");
            assertThat(mail).doesNotContain("sparas inget")
                    .contains("Bekräftar du inte raderar vi din e-postadress och det du fyllt i när länken slutat gälla")
                    .contains("Personuppgiftsansvarig är Alingsås kommun")
                    .contains("https://planbot.example.se/personuppgifter");
        }
    }
}
