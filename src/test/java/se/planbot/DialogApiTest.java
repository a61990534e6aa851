package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.dialogs.IndependentIcsParser;

/** The coordinator publishes, changes and cancels dialogs; invitees and registrants hear of it. */
class DialogApiTest {

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
    void moving_a_published_dialog_sends_an_update_with_the_same_uid_and_a_higher_sequence() {
        app.subscribeAndConfirm("anna@foretag.se", "Anna", List.of(2));
        app.subscribeAndConfirm("bo@foretag.se", "Bo", List.of(2));
        long id = app.publishDialog("Dialog", "2026-12-10T09:00", "2026-12-10T11:00", null, "[2]");
        app.submit("/dialogs/" + id, "/dialogs/" + id + "/register", Map.of("name", "Bo", "email", "bo@foretag.se"));
        String uid = IndependentIcsParser.parse(app.lastMail("anna@foretag.se", "dialog-invitation").get("calendar").asText())
                .get("events").get(0).get("uid").asText();

        // A new title alone tells nobody; a new time does.
        app.api("PATCH", "/api/v1/dialogs/" + id, "{\"title\":\"Dialog om kompetens\"}");
        assertThat(app.mails("anna@foretag.se", "dialog-update")).isEmpty();
        var moved = app.api("PATCH", "/api/v1/dialogs/" + id, "{\"start\":\"2026-12-11T13:00\",\"end\":\"2026-12-11T15:00\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(app.json(moved).get("sequence").asInt()).isEqualTo(1);

        JsonNode update = app.lastMail("anna@foretag.se", "dialog-update");
        assertThat(update.get("date").asText()).isEqualTo("fredag 11 december 2026");
        assertThat(update.get("unsubscribeUrl").asText()).contains("/unsubscribe?token=");
        JsonNode event = IndependentIcsParser.parse(update.get("calendar").asText()).get("events").get(0);
        assertThat(event.get("uid").asText()).isEqualTo(uid);
        assertThat(event.get("sequence").asInt()).isEqualTo(1);
        assertThat(event.get("start").asText()).isEqualTo("2026-12-11T13:00:00+01:00");
        assertThat(update.get("calendarMethod").asText()).isEqualTo("PUBLISH");
        assertThat(event.get("attendees")).isEmpty();
        // Bo is both invited and registered: one update, the registrant's (with his cancel link).
        assertThat(app.mails("bo@foretag.se", "dialog-update")).hasSize(1);
        assertThat(app.lastMail("bo@foretag.se", "dialog-update").get("cancelUrl").asText()).contains("/registrations/cancel");
        assertThat(app.lastMail("bo@foretag.se", "dialog-update").get("calendarMethod").asText()).isEqualTo("REQUEST");
    }

    @Test
    void cancelling_tells_subscribers_by_publish_and_registrants_by_cancel_both_with_status_cancelled() {
        app.subscribeAndConfirm("anna@foretag.se", "Anna", List.of(2));
        long id = app.publishDialog("Dialog", "2026-12-10T09:00", "2026-12-10T11:00", null, "[2]");
        app.submit("/dialogs/" + id, "/dialogs/" + id + "/register", Map.of("name", "Gäst", "email", "gast@annat.se"));
        var cancelled = app.api("POST", "/api/v1/dialogs/" + id + "/cancel", null);
        assertThat(app.json(cancelled).get("state").asText()).isEqualTo("cancelled");
        app.api("POST", "/api/v1/dialogs/" + id + "/cancel", null);

        // Anna was only told of the dialog (PUBLISH): the same event again, cancelled. Gäst registered (REQUEST): CANCEL.
        for (var told : Map.of("anna@foretag.se", "PUBLISH", "gast@annat.se", "CANCEL").entrySet()) {
            assertThat(app.mails(told.getKey(), "dialog-cancel")).hasSize(1);
            JsonNode mail = app.lastMail(told.getKey(), "dialog-cancel");
            assertThat(mail.get("calendarMethod").asText()).isEqualTo(told.getValue());
            JsonNode ics = IndependentIcsParser.parse(mail.get("calendar").asText());
            assertThat(ics.get("method").asText()).isEqualTo(told.getValue());
            assertThat(ics.get("events").get(0).get("status").asText()).isEqualTo("CANCELLED");
            assertThat(ics.get("events").get(0).get("sequence").asInt()).isEqualTo(1);
        }
        assertThat(IndependentIcsParser.parse(app.lastMail("anna@foretag.se", "dialog-cancel").get("calendar").asText())
                .get("events").get(0).get("attendees")).isEmpty();
        assertThat(app.get("/dialogs/" + id).body()).contains("Dialogen är inställd").doesNotContain("Anmäl mig");
        var late = app.submit("/subscribe", "/dialogs/" + id + "/register", Map.of("name", "Sen", "email", "sen@annat.se"));
        assertThat(late.statusCode()).isIn(400, 403);
        assertThat(app.api("PATCH", "/api/v1/dialogs/" + id, "{\"title\":\"x\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void a_full_dialog_puts_people_on_the_waiting_list_and_a_cancelled_seat_goes_to_the_first_of_them() {
        long id = app.publishDialog("Liten dialog", "2026-12-10T09:00", "2026-12-10T11:00", 1, "[]");
        app.submit("/dialogs/" + id, "/dialogs/" + id + "/register", Map.of("name", "Först", "email", "forst@a.se"));
        assertThat(app.get("/dialogs/" + id).body()).contains("fullbokad");
        var second = app.submit("/dialogs/" + id, "/dialogs/" + id + "/register", Map.of("name", "Andra", "email", "andra@a.se"));
        assertThat(second.body()).contains("väntelistan");
        assertThat(app.lastMail("andra@a.se", "registration-confirm").get("waiting").asBoolean()).isTrue();
        assertThat(app.lastMail("andra@a.se", "registration-confirm").has("calendar")).isFalse();

        String cancel = BusinessFixture.path(app.lastMail("forst@a.se", "registration-confirm").get("cancelUrl").asText());
        assertThat(app.get(cancel).body()).contains("Avboka");
        var done = app.submit(cancel, "/registrations/cancel", Map.of("token", cancel.substring(cancel.indexOf("token=") + 6)));
        assertThat(done.body()).contains("Din anmälan är avbokad");
        assertThat(app.lastMail("forst@a.se", "registration-cancelled").get("calendarMethod").asText()).isEqualTo("CANCEL");

        JsonNode promoted = app.lastMail("andra@a.se", "registration-confirm");
        assertThat(promoted.get("waiting").asBoolean()).isFalse();
        assertThat(promoted.get("calendarMethod").asText()).isEqualTo("REQUEST");
        JsonNode list = app.json(app.api("GET", "/api/v1/dialogs/" + id + "/registrations", null));
        assertThat(list.findValuesAsText("status")).containsExactly("cancelled", "registered");
    }

    @Test
    void the_registrations_sheet_says_each_status_in_swedish() {
        long id = app.publishDialog("Liten dialog", "2026-12-10T09:00", "2026-12-10T11:00", 1, "[]");
        app.submit("/dialogs/" + id, "/dialogs/" + id + "/register", Map.of("name", "Först", "email", "forst@a.se"));
        app.submit("/dialogs/" + id, "/dialogs/" + id + "/register", Map.of("name", "Andra", "email", "andra@a.se"));
        app.submit("/dialogs/" + id, "/dialogs/" + id + "/register", Map.of("name", "Tredje", "email", "tredje@a.se"));
        String cancel = BusinessFixture.path(app.lastMail("forst@a.se", "registration-confirm").get("cancelUrl").asText());
        app.submit(cancel, "/registrations/cancel", Map.of("token", cancel.substring(cancel.indexOf("token=") + 6)));

        String csv = app.api("GET", "/api/v1/dialogs/" + id + "/registrations.csv", null).body();
        assertThat(csv).contains("forst@a.se;avbokad;", "andra@a.se;har plats;", "tredje@a.se;väntelista;")
                .doesNotContain("registered", "waiting", "cancelled");
    }

    @Test
    void on_a_plain_http_installation_invitations_go_out_with_the_visible_link_but_no_list_unsubscribe_header() {
        app.close();
        app = new BusinessFixture(folder.resolve("http"), BusinessFixture.at("2026-12-01T10:00"),
                Map.of("public.base-url", "http://localhost:7070"));
        app.subscribeAndConfirm("anna@foretag.se", "Anna", List.of(2));
        app.publishDialog("Dialog", "2026-12-10T09:00", "2026-12-10T11:00", null, "[2]");
        JsonNode invitation = app.lastMail("anna@foretag.se", "dialog-invitation");
        assertThat(invitation.has("unsubscribeUrl")).isFalse();
        assertThat(invitation.get("unsubscribeLink").asText()).startsWith("http://localhost:7070/unsubscribe?token=");
        app.planbot.dispatcher().dispatchDue();
        String status = app.planbot.database().read(connection -> se.planbot.db.Jdbc.one(connection,
                "select status from outbox where template = 'dialog-invitation'", rows -> rows.getString(1))).orElseThrow();
        assertThat(status).isEqualTo("sent");
    }

    @Test
    void raising_the_capacity_gives_the_new_seats_to_the_waiting_list_in_order() {
        long id = app.publishDialog("Liten dialog", "2026-12-10T09:00", "2026-12-10T11:00", 1, "[]");
        for (String who : List.of("ett", "tva", "tre", "fyra")) {
            app.submit("/dialogs/" + id, "/dialogs/" + id + "/register", Map.of("name", who, "email", who + "@a.se"));
        }
        var raised = app.api("PATCH", "/api/v1/dialogs/" + id, "{\"capacity\":3}");
        assertThat(app.json(raised).get("registered").asInt()).isEqualTo(3);
        assertThat(app.json(raised).get("sequence").asInt()).as("capacity is not time or place").isZero();
        JsonNode list = app.json(app.api("GET", "/api/v1/dialogs/" + id + "/registrations", null));
        assertThat(list.findValuesAsText("status")).containsExactly("registered", "registered", "registered", "waiting");
        assertThat(app.lastMail("tre@a.se", "registration-confirm").get("waiting").asBoolean()).isFalse();
        assertThat(app.mails("fyra@a.se", "registration-confirm")).hasSize(1);
    }

    @Test
    void a_time_that_does_not_exist_when_summer_time_begins_is_refused_not_moved() {
        var gap = app.api("POST", "/api/v1/dialogs",
                "{\"title\":\"Natt\",\"start\":\"2027-03-28T02:30\",\"end\":\"2027-03-28T04:00\",\"place\":\"A\"}");
        assertThat(gap.statusCode()).isEqualTo(400);
        assertThat(app.json(gap).path("errors").get(0).path("field").asText()).isEqualTo("start");
        assertThat(app.json(gap).path("errors").get(0).path("message").asText()).contains("finns inte", "sommartid");
    }

    @Test
    void a_published_dialog_cannot_be_moved_into_the_past() {
        app.subscribeAndConfirm("anna@foretag.se", "Anna", List.of(2));
        long id = app.publishDialog("Dialog", "2026-12-10T09:00", "2026-12-10T11:00", null, "[2]");
        var past = app.api("PATCH", "/api/v1/dialogs/" + id, "{\"start\":\"2026-11-20T09:00\",\"end\":\"2026-11-20T11:00\"}");
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(app.json(past).path("errors").get(0).path("field").asText()).isEqualTo("start");
        assertThat(app.mails("anna@foretag.se", "dialog-update")).as("nothing is sent").isEmpty();
        var unchanged = app.json(app.api("GET", "/api/v1/dialogs/" + id, null));
        assertThat(unchanged.path("start").asText()).isEqualTo("2026-12-10T09:00");
        assertThat(unchanged.path("sequence").asInt()).isZero();
    }

    @Test
    void registrations_come_as_json_and_as_csv_safe_for_spreadsheets() {
        long id = app.publishDialog("Dialog", "2026-12-10T09:00", "2026-12-10T11:00", null, "[]");
        app.submit("/dialogs/" + id, "/dialogs/" + id + "/register",
                Map.of("name", "=HYPERLINK(\"x\")", "company", "Åkeri AB", "email", "a@akeri.se"));
        var csv = app.api("GET", "/api/v1/dialogs/" + id + "/registrations.csv", null);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFFnamn;företag;e-post;status;anmäld")
                .contains("'=HYPERLINK").contains("Åkeri AB;a@akeri.se;har plats");
        assertThat(csv.body()).as("the time a person reads in Excel is Swedish time, to the minute")
                .contains("Åkeri AB;a@akeri.se;har plats;2026-12-01 10:00\r\n");
        assertThat(app.json(app.api("GET", "/api/v1/dialogs/" + id + "/registrations", null)).get(0).get("email").asText())
                .isEqualTo("a@akeri.se");
    }

    @Test
    void the_api_wants_a_token_and_names_every_mistake_in_swedish() {
        var anonymous = app.cookieless.sendAsync(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(app.base + "/api/v1/dialogs")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).join();
        assertThat(anonymous.statusCode()).isEqualTo(401);

        var malformed = app.api("POST", "/api/v1/dialogs", "{\"title\":\"T\",\"start\":\"10 dec\",\"color\":\"red\"}");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(app.json(malformed).get("errors").findValuesAsText("field")).contains("start", "color");
        var bad = app.api("POST", "/api/v1/dialogs", "{\"title\":\"\",\"start\":\"2026-12-10T09:00\",\"end\":\"2026-12-10T10:00\","
                + "\"onlineUrl\":\"javascript:alert(1)\",\"capacity\":0,\"strategies\":[42]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(app.json(bad).get("errors").findValuesAsText("field"))
                .contains("title", "onlineUrl", "capacity", "strategies");
        var backwards = app.api("POST", "/api/v1/dialogs", "{\"title\":\"T\",\"start\":\"2026-12-10T10:00\","
                + "\"end\":\"2026-12-10T09:00\",\"place\":\"Här\"}");
        assertThat(app.json(backwards).get("errors").get(0).get("message").asText()).isEqualTo("slutet ska vara efter starten");
        assertThat(app.api("POST", "/api/v1/dialogs/999/publish", null).statusCode()).isEqualTo(404);
        assertThat(app.json(app.api("GET", "/api/v1/dialogs", null)).findValuesAsText("title"))
                .containsExactly("Frukostmöte om kompetensförsörjning");
    }

    @Test
    void a_draft_is_not_public_and_the_feed_lists_published_dialogs() {
        var draft = app.api("POST", "/api/v1/dialogs", "{\"title\":\"Hemlig\",\"start\":\"2026-12-10T09:00\","
                + "\"end\":\"2026-12-10T10:00\",\"onlineUrl\":\"https://meet.example.se/abc\"}");
        long draftId = app.json(draft).get("id").asLong();
        assertThat(app.get("/dialogs/" + draftId).statusCode()).isEqualTo(404);
        long id = app.publishDialog("Öppen <dialog>", "2026-12-10T09:00", "2026-12-10T11:00", null, "[]");
        var list = app.get("/dialogs");
        assertThat(list.body()).contains("Öppen &lt;dialog&gt;").doesNotContain("Hemlig");
        var feed = app.get("/dialogs.ics");
        assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        JsonNode ics = IndependentIcsParser.parse(feed.body());
        assertThat(ics.get("method").asText()).isEqualTo("PUBLISH");
        assertThat(ics.get("events").findValuesAsText("summary"))
                .containsExactly("Öppen <dialog>", "Frukostmöte om kompetensförsörjning");
        assertThat(id).isNotEqualTo(draftId);
    }
}
