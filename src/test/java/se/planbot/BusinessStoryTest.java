package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.db.Jdbc;
import se.planbot.dialogs.IndependentIcsParser;
import se.planbot.reminders.WorkingDays;

/**
 * The business story end to end through the real HTTP faces, asserting on what lands in the
 * outbox: subscribe → confirm → invitation (with a calendar file an independent parser accepts)
 * → register → reminder the working day before → one-click unsubscribe.
 */
class BusinessStoryTest {

    @TempDir
    Path folder;
    BusinessFixture app;

    @BeforeEach
    void start() {
        // Tuesday 1 December 2026, 10:00 in Stockholm.
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void a_business_subscribes_confirms_is_invited_registers_is_reminded_and_leaves_in_one_click() throws Exception {
        app.subscribeAndConfirm("anna@foretag.se", "Anna Andersson", List.of(2));
        app.subscribeAndConfirm("bo@annat.se", "Bo Berg", List.of(5));
        var pending = app.submit("/subscribe", "/subscribe", Map.of("email", "cecilia@tredje.se", "name", "Cecilia",
                "topics", List.of(2), "consent", "yes"));
        assertThat(pending.statusCode()).isEqualTo(200);
        assertThat(app.subscriberStatus("anna@foretag.se")).isEqualTo("confirmed");
        assertThat(app.subscriberStatus("cecilia@tredje.se")).isEqualTo("pending");

        long dialog = app.publishDialog("Frukostmöte om kompetens", "2026-12-10T09:00", "2026-12-10T11:00", 30, "[2, 3]");

        // Only the confirmed subscriber whose topics meet the dialog's strategies is invited.
        assertThat(app.mails("bo@annat.se", "dialog-invitation")).isEmpty();
        assertThat(app.mails("cecilia@tredje.se", "dialog-invitation")).isEmpty();
        JsonNode invitation = app.lastMail("anna@foretag.se", "dialog-invitation");
        assertThat(invitation.get("date").asText()).isEqualTo("torsdag 10 december 2026");
        assertThat(invitation.get("time").asText()).isEqualTo("09.00–11.00");
        assertThat(invitation.get("place").asText()).isEqualTo("Stadshuset, sal 1");
        assertThat(invitation.get("registerUrl").asText()).isEqualTo("https://planbot.example.se/dialogs/" + dialog + "#anmalan");
        assertThat(invitation.get("unsubscribeUrl").asText()).startsWith("https://planbot.example.se/unsubscribe?token=");
        // An invitation tells of the dialog (PUBLISH, no ATTENDEE): no Ja/Nej buttons whose reply would register nobody.
        assertThat(invitation.get("calendarMethod").asText()).isEqualTo("PUBLISH");
        JsonNode ics = IndependentIcsParser.parse(invitation.get("calendar").asText());
        assertThat(ics.get("method").asText()).isEqualTo("PUBLISH");
        assertThat(ics.get("zones").get(0).asText()).isEqualTo("Europe/Stockholm");
        JsonNode event = ics.get("events").get(0);
        assertThat(event.get("start").asText()).isEqualTo("2026-12-10T09:00:00+01:00");
        assertThat(event.get("tzid").asText()).isEqualTo("Europe/Stockholm");
        assertThat(event.get("organizer").asText()).isEqualTo("mailto:naringsliv@example.se");
        assertThat(event.get("attendees")).isEmpty();

        // Register from the dialog page.
        var registered = app.submit("/dialogs/" + dialog, "/dialogs/" + dialog + "/register",
                Map.of("name", "Anna Andersson", "company", "Företaget AB", "email", "anna@foretag.se"));
        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(registered.body()).contains("Tack för din anmälan");
        JsonNode confirmation = app.lastMail("anna@foretag.se", "registration-confirm");
        assertThat(confirmation.get("cancelUrl").asText()).startsWith("https://planbot.example.se/registrations/cancel?token=");
        JsonNode confirmationIcs = IndependentIcsParser.parse(confirmation.get("calendar").asText());
        assertThat(confirmationIcs.get("method").asText()).isEqualTo("REQUEST");
        assertThat(confirmationIcs.get("events").get(0).get("uid").asText()).isEqualTo(event.get("uid").asText());
        assertThat(confirmationIcs.get("events").get(0).get("attendees").get(0).asText()).isEqualTo("mailto:anna@foretag.se");

        // The reminder: the working day before (Wednesday 9 December) from 08:00, once.
        var reminders = app.planbot.registrationReminders();
        var workingDays = new WorkingDays();
        int early = app.planbot.database().write(connection -> reminders.runAsOf(connection,
                BusinessFixture.at("2026-12-09T07:59").atZone(BusinessFixture.STOCKHOLM), workingDays));
        int due = app.planbot.database().write(connection -> reminders.runAsOf(connection,
                BusinessFixture.at("2026-12-09T08:00").atZone(BusinessFixture.STOCKHOLM), workingDays));
        int again = app.planbot.database().write(connection -> reminders.runAsOf(connection,
                BusinessFixture.at("2026-12-09T08:15").atZone(BusinessFixture.STOCKHOLM), workingDays));
        assertThat(List.of(early, due, again)).containsExactly(0, 1, 0);
        JsonNode reminder = app.lastMail("anna@foretag.se", "registration-reminder");
        assertThat(reminder.get("title").asText()).isEqualTo("Frukostmöte om kompetens");
        assertThat(reminder.get("cancelUrl").asText()).contains("/registrations/cancel?token=");

        // RFC 8058 one-click: a POST without cookies or CSRF field unsubscribes at once.
        String unsubscribe = BusinessFixture.path(invitation.get("unsubscribeUrl").asText());
        var oneClick = app.cookieless.send(HttpRequest.newBuilder(URI.create(app.base + unsubscribe))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(app.subscriberStatus("anna@foretag.se")).isEqualTo("unsubscribed");
        List<String> consent = app.planbot.database().read(connection -> Jdbc.list(connection, """
                select c.event from consent_records c join subscribers s on s.id = c.subscriber_id
                where s.email = ? order by c.id""", rows -> rows.getString(1), "anna@foretag.se"));
        assertThat(consent).containsExactly("given", "confirmed", "withdrawn");

        // An unsubscribed business gets no invitation to the next dialog.
        long next = app.publishDialog("Nästa dialog", "2026-12-15T13:00", "2026-12-15T15:00", null, "[2]");
        assertThat(app.mails("anna@foretag.se", "dialog-invitation")).hasSize(1);
        assertThat(next).isGreaterThan(dialog);
    }
}
