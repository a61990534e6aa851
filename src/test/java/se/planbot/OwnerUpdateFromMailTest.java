package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.db.Jdbc;
import se.planbot.plan.Action;
import se.planbot.plan.ActionFilter;
import se.planbot.plan.Change;

/**
 * An owner updates an action from the link in a real reminder mail (GreenMail, the real sweep and
 * dispatcher): one click opens the form, one click saves; one history entry under their name.
 * The link opens only that person's actions, for 14 days.
 */
class OwnerUpdateFromMailTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Pattern UPDATE = Pattern.compile("https://planbot\\.example\\.se(/admin/update/(\\d+)\\?token=\\S+)");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path folder;
    BusinessFixture app;
    String owner;
    String link;
    long actionId;

    @BeforeEach
    void a_reminder_mail_arrives() throws Exception {
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"), Map.of(
                "mail.transport", "smtp", "smtp.host", "127.0.0.1",
                "smtp.port", String.valueOf(greenMail.getSmtp().getPort()), "smtp.timeout-seconds", "5"));
        app.planbot.sweep().run(app.now());
        owner = app.planbot.database().read(connection -> Jdbc.one(connection,
                "select recipient from outbox where template = 'reminder' and channel = 'email' order by id",
                row -> row.getString(1))).orElseThrow();
        String text = plainText(receive(owner));
        Matcher matcher = UPDATE.matcher(text);
        assertThat(matcher.find()).as("update link in\n" + text).isTrue();
        assertThat(text).contains("Uppdatera åtgärden: https://planbot.example.se/admin/update/")
                .contains("Alla dina åtgärder: https://planbot.example.se/admin/mine?token=");
        link = matcher.group(1);
        actionId = Long.parseLong(matcher.group(2));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void two_clicks_from_the_mail_save_one_history_entry_under_the_owners_name() {
        Action before = app.planbot.plan().action(actionId).orElseThrow();
        int entries = app.planbot.plan().history(actionId).size();

        var form = app.get(link);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains(before.code()).contains("<select id=\"status\" name=\"status\">")
                .contains("name=\"note\"");
        var saved = save(form, Map.of("status", "in_progress", "progress", "40", "note", "Första mötet hållet"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).contains("Sparat").contains("Pågår").contains("40 %").contains("Första mötet hållet")
                .contains("/admin/mine?token=");

        var history = app.planbot.plan().history(actionId);
        assertThat(history).hasSize(entries + 1);
        Change entry = history.get(history.size() - 1);
        assertThat(entry.actor()).isEqualTo(before.ownerName() + " (e-postlänk)");
        assertThat(entry.note()).isEqualTo("Första mötet hållet");
        assertThat(entry.fields()).extracting(field -> field.field()).contains("progress");
        assertThat(app.planbot.plan().action(actionId).orElseThrow().progress()).isEqualTo(40);
    }

    @Test
    void marking_done_without_touching_progress_sets_it_to_one_hundred() {
        var saved = save(app.get(link), Map.of("status", "done",
                "progress", String.valueOf(app.planbot.plan().action(actionId).orElseThrow().progress()), "note", ""));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(app.planbot.plan().action(actionId).orElseThrow().progress()).isEqualTo(100);
    }

    @Test
    void the_link_opens_only_that_persons_actions() {
        Action own = app.planbot.plan().action(actionId).orElseThrow();
        Action other = app.planbot.plan().actions(ActionFilter.all()).stream()
                .filter(action -> action.ownerId() != null && !action.ownerId().equals(own.ownerId()))
                .findFirst().orElseThrow();
        int entries = app.planbot.plan().history(other.id()).size();
        String otherLink = link.replace("/admin/update/" + actionId + "?", "/admin/update/" + other.id() + "?");

        var page = app.get(otherLink);
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("Det här är inte din åtgärd");
        var forged = app.post(app.browser, "/admin/update/" + other.id(), Map.of("token", token(), "csrf", csrf(app.get(link)),
                "status", "cancelled", "progress", "0", "note", "fel person"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(app.planbot.plan().history(other.id())).hasSize(entries);

        var mine = app.get("/admin/mine?token=" + token());
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains(own.code()).doesNotContain(">" + other.code() + " ");
    }

    @Test
    void a_link_works_for_fourteen_days_and_a_tampered_one_never() {
        app.clock.advance(Duration.ofDays(13));
        assertThat(app.get(link).statusCode()).isEqualTo(200);
        var tampered = app.get(link.substring(0, link.length() - 2) + "xx");
        assertThat(tampered.statusCode()).isEqualTo(404);
        assertThat(tampered.body()).contains("Länken fungerar inte längre");
        app.clock.advance(Duration.ofDays(1).plusMinutes(1));
        var expired = app.get(link);
        assertThat(expired.statusCode()).isEqualTo(404);
        assertThat(expired.body()).contains("gäller i 14 dagar");
    }

    @Test
    void bad_input_or_nothing_to_save_is_said_in_swedish_and_changes_nothing() {
        int entries = app.planbot.plan().history(actionId).size();
        Action before = app.planbot.plan().action(actionId).orElseThrow();
        var bad = save(app.get(link), Map.of("status", "klar?", "progress", "femtio", "note", ""));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("välj en status i listan").contains("ange framsteg som ett heltal från 0 till 100")
                .contains("aria-invalid=\"true\"");
        var tooMuch = save(app.get(link), Map.of("status", "in_progress", "progress", "140", "note", ""));
        assertThat(tooMuch.statusCode()).isEqualTo(400);
        var nothing = save(app.get(link), Map.of("status", before.status().code(), "progress", String.valueOf(before.progress()),
                "note", "  "));
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.body()).contains("ange status, framsteg eller en anteckning");
        var longNote = save(app.get(link), Map.of("status", "in_progress", "progress", "10", "note", "x".repeat(1001)));
        assertThat(longNote.statusCode()).isEqualTo(400);
        assertThat(longNote.body()).contains("högst 1 000 tecken");
        assertThat(app.planbot.plan().history(actionId)).hasSize(entries);
    }

    @Test
    void a_save_without_the_forms_csrf_field_changes_nothing() {
        int entries = app.planbot.plan().history(actionId).size();
        app.get(link);
        var answer = app.post(app.browser, "/admin/update/" + actionId, Map.of("token", token(), "status", "done",
                "progress", "100", "note", "x"));
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(app.planbot.plan().history(actionId)).hasSize(entries);
    }

    private HttpResponse<String> save(HttpResponse<String> form, Map<String, String> fields) {
        var all = new LinkedHashMap<String, Object>(fields);
        all.put("token", token());
        all.put("csrf", csrf(form));
        return app.post(app.browser, "/admin/update/" + actionId, all);
    }

    private String token() {
        return link.substring(link.indexOf("token=") + 6);
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).as("CSRF field in " + page.body()).isTrue();
        return matcher.group(1);
    }

    private MimeMessage receive(String recipient) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            app.planbot.dispatcher().dispatchDue();
            for (MimeMessage message : greenMail.getReceivedMessages()) {
                if (Arrays.stream(message.getAllRecipients()).anyMatch(address -> address.toString().contains(recipient))
                        && plainText(message).contains("/admin/update/")) {
                    return message;
                }
            }
            greenMail.waitForIncomingEmail(200, greenMail.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no reminder to " + recipient);
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
