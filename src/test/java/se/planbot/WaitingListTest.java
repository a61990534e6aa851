package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.dialogs.IndependentIcsParser;

/**
 * The waiting list as the people on it see it: no meeting link before they have a seat, "Lämna
 * väntelistan" rather than "Avboka", a mail that says they moved up, and no seat count once the
 * dialog is cancelled.
 */
class WaitingListTest {

    static final String LINK = "https://meet.example.se/frukost";

    @TempDir
    Path folder;
    BusinessFixture app;
    long dialog;

    @BeforeEach
    void start() {
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"));
        var created = app.api("POST", "/api/v1/dialogs", "{\"title\":\"Digital frukost\",\"start\":\"2026-12-10T08:00\","
                + "\"end\":\"2026-12-10T09:00\",\"onlineUrl\":\"" + LINK + "\",\"capacity\":1,\"strategies\":[2]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        dialog = app.json(created).get("id").asLong();
        app.api("POST", "/api/v1/dialogs/" + dialog + "/publish", null);
        register("forst@a.se", "Först");
        register("vantar@a.se", "Väntar");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private void register(String email, String name) {
        var answer = app.submit("/dialogs/" + dialog, "/dialogs/" + dialog + "/register", Map.of("name", name, "email", email));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    @Test
    void the_waiting_list_mail_has_no_meeting_link_and_offers_to_leave_the_waiting_list() {
        JsonNode waiting = app.lastMail("vantar@a.se", "registration-confirm");
        assertThat(waiting.get("waiting").asBoolean()).isTrue();
        assertThat(waiting.get("onlineUrl").asText()).isEmpty();
        assertThat(waiting.has("calendar")).isFalse();
        String text = app.sentText("vantar@a.se", "registration-confirm");
        assertThat(text).contains("Du står på väntelistan").doesNotContain(LINK)
                .contains("Vill du inte stå kvar? Lämna väntelistan: https://planbot.example.se/registrations/cancel?token=");
        assertThat(app.sentText("forst@a.se", "registration-confirm")).contains("Länk till mötet: " + LINK);
    }

    @Test
    void leaving_the_waiting_list_says_so_on_the_page_and_in_the_mail() {
        String cancel = BusinessFixture.path(app.lastMail("vantar@a.se", "registration-confirm").get("cancelUrl").asText());
        assertThat(app.get(cancel).body()).contains("<h1>Lämna väntelistan</h1>")
                .contains("Vill du lämna väntelistan till <strong>Digital frukost</strong>")
                .contains(">Lämna väntelistan</button>").doesNotContain(">Avboka</button>");
        var left = app.submit(cancel, "/registrations/cancel", Map.of("token", cancel.substring(cancel.indexOf("token=") + 6)));
        assertThat(left.body()).contains("Du har lämnat väntelistan.");
        assertThat(app.lastMail("vantar@a.se", "registration-cancelled").get("leftWaitingList").asBoolean()).isTrue();
        assertThat(app.sentText("vantar@a.se", "registration-cancelled"))
                .contains("Du står inte längre på väntelistan till dialogen:").doesNotContain("avbokad");
    }

    @Test
    void the_person_who_moves_up_is_told_so_and_gets_the_meeting_link_and_the_calendar() {
        String cancel = BusinessFixture.path(app.lastMail("forst@a.se", "registration-confirm").get("cancelUrl").asText());
        app.submit(cancel, "/registrations/cancel", Map.of("token", cancel.substring(cancel.indexOf("token=") + 6)));

        JsonNode promoted = app.lastMail("vantar@a.se", "registration-confirm");
        assertThat(promoted.get("promoted").asBoolean()).isTrue();
        assertThat(promoted.get("waiting").asBoolean()).isFalse();
        assertThat(promoted.get("onlineUrl").asText()).isEqualTo(LINK);
        assertThat(IndependentIcsParser.parse(promoted.get("calendar").asText()).get("method").asText()).isEqualTo("REQUEST");
        String text = app.sentText("vantar@a.se", "registration-confirm");
        assertThat(text).contains("En plats har blivit ledig och du har flyttats upp från väntelistan. Din plats är bokad.")
                .contains("Länk till mötet: " + LINK).contains("Kan du inte komma? Avboka här:");
    }

    @Test
    void a_cancelled_dialog_shows_no_seat_count() {
        assertThat(app.get("/dialogs/" + dialog).body()).contains("Platser kvar");
        app.api("POST", "/api/v1/dialogs/" + dialog + "/cancel", null);
        assertThat(app.get("/dialogs/" + dialog).body()).contains("Dialogen är inställd").doesNotContain("Platser kvar");
    }
}
