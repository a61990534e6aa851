package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confirming a subscription sends one welcome mail: the coming published dialogs that match the
 * chosen strategies, with links to register, and the preferences and unsubscribe links. Those
 * dialogs count as invitations, so their later changes reach the new subscriber.
 */
class WelcomeMailTest {

    @TempDir
    Path folder;
    BusinessFixture app;

    @BeforeEach
    void start() {
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void the_welcome_mail_lists_the_coming_dialogs_of_the_chosen_strategies_with_links_to_register() {
        long matching = app.publishDialog("Kompetensdialog", "2026-12-10T09:00", "2026-12-10T11:00", null, "[2]");
        long forEveryone = app.publishDialog("Öppet hus", "2026-12-12T13:00", "2026-12-12T15:00", null, "[]");
        long otherTopic = app.publishDialog("Energidialog", "2026-12-11T09:00", "2026-12-11T11:00", null, "[5]");
        app.api("POST", "/api/v1/dialogs", "{\"title\":\"Utkast\",\"start\":\"2026-12-14T09:00\",\"end\":\"2026-12-14T10:00\","
                + "\"strategies\":[2]}");

        // The demo data's breakfast meeting (strategy 2, in two weeks) is coming too.
        app.subscribeAndConfirm("anna@foretag.se", "Anna", List.of(2));

        List<JsonNode> welcomes = app.mails("anna@foretag.se", "subscribe-welcome");
        assertThat(welcomes).hasSize(1);
        JsonNode welcome = welcomes.get(0);
        assertThat(welcome.get("dialogs").findValuesAsText("title")).containsExactly("Kompetensdialog", "Öppet hus",
                "Frukostmöte om kompetensförsörjning");
        assertThat(welcome.get("dialogs").get(0).get("registerUrl").asText())
                .isEqualTo("https://planbot.example.se/dialogs/" + matching + "#anmalan");
        assertThat(welcome.get("preferencesUrl").asText()).startsWith("https://planbot.example.se/preferences?token=");
        assertThat(welcome.get("unsubscribeUrl").asText()).startsWith("https://planbot.example.se/unsubscribe?token=");
        assertThat(welcome.get("topics").get(0).asText()).startsWith("2. ");
        assertThat(app.mails("anna@foretag.se", "dialog-invitation")).isEmpty();

        String text = app.sentText("anna@foretag.se", "subscribe-welcome");
        assertThat(text).contains("Tack, din prenumeration är bekräftad")
                .contains("Kompetensdialog").contains("torsdag 10 december 2026, 09.00–11.00")
                .contains("Anmäl dig: https://planbot.example.se/dialogs/" + matching + "#anmalan")
                .contains("Anmäl dig: https://planbot.example.se/dialogs/" + forEveryone + "#anmalan")
                .doesNotContain("Energidialog").doesNotContain("/dialogs/" + otherTopic)
                .contains("Avsluta prenumerationen: https://planbot.example.se/unsubscribe?token=");

        // The listed dialog counts as an invitation: moving it tells Anna.
        app.api("PATCH", "/api/v1/dialogs/" + matching, "{\"start\":\"2026-12-10T13:00\",\"end\":\"2026-12-10T15:00\"}");
        assertThat(app.mails("anna@foretag.se", "dialog-update")).hasSize(1);
    }

    @Test
    void with_no_coming_dialog_the_welcome_mail_says_so_and_still_has_the_links() {
        app.subscribeAndConfirm("bo@foretag.se", "Bo", List.of(3));

        JsonNode welcome = app.lastMail("bo@foretag.se", "subscribe-welcome");
        assertThat(welcome.get("dialogs")).isEmpty();
        assertThat(app.sentText("bo@foretag.se", "subscribe-welcome"))
                .contains("Just nu finns inga kommande dialoger om dina strategier")
                .contains("Ändra dina val: https://planbot.example.se/preferences?token=");
    }
}
