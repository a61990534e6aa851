package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.db.Jdbc;

/**
 * Issue 11's story as the people in it live it, through real HTTP (the dialog page's form with its
 * CSRF field), the real dispatcher and SMTP (GreenMail): a business proposes on a dialog's page,
 * gets the receipt, the working group comments, the coordinator accepts it into a new action, the
 * proposer gets the decision, the owner starts and finishes the action, the proposer gets one
 * grouped mail, and the public timeline shows it all. Then rejection, merge, erasure and mistakes.
 */
class ProposalStoryTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final String EVA = "eva@ekbygg.se";

    @TempDir
    Path folder;
    BusinessFixture app;
    long dialog;

    @BeforeEach
    void start() {
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"), Map.of(
                "mail.transport", "smtp", "smtp.host", "127.0.0.1",
                "smtp.port", String.valueOf(greenMail.getSmtp().getPort()), "smtp.timeout-seconds", "5"));
        dialog = app.publishDialog("Workshop om kompetens", "2026-12-03T09:00", "2026-12-03T11:00", 30, "[2]");
        app.clock.set(BusinessFixture.at("2026-12-03T11:30")); // the workshop is over; its page takes proposals
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void a_business_proposes_on_the_dialog_page_and_follows_it_by_mail_to_a_done_action() throws Exception {
        assertThat(app.get("/dialogs/" + dialog).body()).contains("Förslag från dialogen").contains("proposal-consent");
        var sent = app.submit("/dialogs/" + dialog, "/dialogs/" + dialog + "/proposals", proposal(
                "Gemensam rekryteringsmässa", "Eva Ek", EVA, true));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(sent.body()).contains("Tack för ditt förslag");
        long id = Long.parseLong(matching(sent.body(), "/proposals/(\\d+)"));

        MimeMessage receipt = receive("Tack för ditt förslag: Gemensam rekryteringsmässa");
        assertThat(text(receipt)).contains("från dialogen Workshop om kompetens")
                .contains("https://planbot.example.se/proposals/" + id);
        assertThat(receipt.getHeader("List-Unsubscribe", null)).startsWith("<https://planbot.example.se/proposals/stop?token=");
        assertThat(receipt.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");

        var comment = app.api("PATCH", "/api/v1/proposals/" + id,
                "{\"state\":\"under_review\",\"note\":\"Arbetsgruppen: hör med Campus om lokalen\"}");
        assertThat(comment.statusCode()).as(comment.body()).isEqualTo(200);

        var accepted = app.api("POST", "/api/v1/proposals/" + id + "/decision", "{\"decision\":\"accepted\","
                + "\"answer\":\"Blir en åtgärd under strategi 2\",\"newAction\":{\"ownerId\":4,\"deadline\":\"2027-06-30\"}}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        long action = app.json(accepted).get("actionIds").get(0).asLong();
        var actionJson = app.json(app.get("/api/v1/actions/" + action));
        assertThat(actionJson.get("origin").asText()).isEqualTo("proposal");
        String code = actionJson.get("code").asText();

        String decision = text(receive("Beslut om ditt förslag: Gemensam rekryteringsmässa – antaget"));
        assertThat(decision).contains("Svar: Blir en åtgärd under strategi 2").contains(code + " Gemensam rekryteringsmässa");

        app.clock.set(BusinessFixture.at("2026-12-07T09:00"));
        assertThat(app.api("POST", "/api/v1/actions/" + action + "/updates", "{\"status\":\"in_progress\"}").statusCode())
                .isEqualTo(201);
        app.clock.set(BusinessFixture.at("2026-12-07T15:00"));
        assertThat(app.api("POST", "/api/v1/actions/" + action + "/updates", "{\"status\":\"done\",\"note\":\"Mässan hölls\"}")
                .statusCode()).isEqualTo(201);
        app.planbot.sweep().run(app.now());
        app.planbot.sweep().run(app.now());
        MimeMessage news = receive("Nytt om ditt förslag");
        assertThat(text(news)).contains("pågår").contains("klar").contains("/proposals/" + id);
        assertThat(app.mails(EVA, "proposal-progress")).as("one grouped mail for both changes").hasSize(1);

        String timeline = app.get("/proposals/" + id).body();
        assertThat(timeline).contains("Workshop om kompetens").contains("Förslaget kom in").contains("Eva Ek")
                .contains("Antaget: Blir en åtgärd under strategi 2").contains("Åtgärden påbörjades")
                .contains("Åtgärden är klar").contains(code)
                .doesNotContain("hör med Campus").doesNotContain(EVA);
        assertThat(app.get("/plan/actions/" + action).body()).contains("Förslag bakom åtgärden")
                .contains("/proposals/" + id);
        assertThat(app.get("/proposals").body()).contains("Gemensam rekryteringsmässa").contains("Antaget");
    }

    @Test
    void a_rejection_is_answered_publicly_and_reaches_a_proposer_who_stopped_invitations_and_progress_mails()
            throws Exception {
        var sent = app.submit("/proposals/new", "/proposals", proposal("Fler parkeringar i centrum", "Bo Berg",
                "bo@ekbygg.se", false));
        long id = Long.parseLong(matching(sent.body(), "/proposals/(\\d+)"));
        String stop = BusinessFixture.path(app.lastMail("bo@ekbygg.se", "proposal-receipt").get("stopLink").asText());
        HttpResponse<String> oneClick = app.cookieless.send(HttpRequest.newBuilder(URI.create(app.base + stop))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(oneClick.statusCode()).isEqualTo(200);

        var rejected = app.api("POST", "/api/v1/proposals/" + id + "/decision",
                "{\"decision\":\"rejected\",\"answer\":\"Parkeringen byggs ut av fastighetsägaren 2027.\"}");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        assertThat(app.mails("bo@ekbygg.se", "proposal-decision")).hasSize(1);
        String page = app.get("/proposals/" + id).body();
        assertThat(page).contains("Avslaget").contains("Parkeringen byggs ut av fastighetsägaren 2027.")
                .doesNotContain("Bo Berg");
    }

    @Test
    void a_merged_proposal_points_to_the_one_it_joined_and_follows_its_actions() {
        long first = register("Lokal matmarknad", "anna@foretag.se");
        long second = register("Matmarknad på torget", "bo@foretag.se");
        var merged = app.api("POST", "/api/v1/proposals/" + second + "/decision",
                "{\"decision\":\"merged\",\"answer\":\"Samma idé\",\"mergedInto\":" + first + "}");
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        assertThat(app.json(merged).get("mergedInto").asLong()).isEqualTo(first);
        var accepted = app.api("POST", "/api/v1/proposals/" + first + "/decision",
                "{\"decision\":\"accepted\",\"actionId\":6}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);

        assertThat(app.get("/proposals/" + second).body()).contains("Sammanslaget med förslaget")
                .contains("/proposals/" + first).contains("/plan/actions/6");
        app.api("POST", "/api/v1/actions/6/updates", "{\"status\":\"done\"}");
        app.planbot.sweep().run(app.now());
        assertThat(app.mails("bo@foretag.se", "proposal-progress")).hasSize(1);
        assertThat(app.mails("anna@foretag.se", "proposal-progress")).hasSize(1);
    }

    @Test
    void erasure_removes_the_person_and_keeps_the_proposal_anonymised() {
        long id = register("Företagslots för nya företag", "eva@ekbygg.se");
        var export = app.api("POST", "/api/v1/subscribers/export", "{\"email\":\"EVA@ekbygg.se\"}");
        assertThat(app.json(export).get("proposals").get(0).get("name").asText()).isEqualTo("Eva Ek");
        assertThat(app.json(export).get("proposals").get(0).get("consent").get("textVersion").asText()).isEqualTo("2026-1");
        String myData = BusinessFixture.path(app.lastMail("eva@ekbygg.se", "proposal-receipt").get("myDataUrl").asText());
        assertThat(app.get(myData).body()).contains("Företagslots för nya företag").contains("\"proposals\"");

        var erased = app.adminApi("POST", "/api/v1/subscribers/erase", "{\"email\":\"eva@ekbygg.se\"}");
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);

        var proposal = app.json(app.api("GET", "/api/v1/proposals/" + id, null));
        assertThat(proposal.get("title").asText()).isEqualTo("Företagslots för nya företag");
        assertThat(proposal.get("proposer").get("name").asText()).isEmpty();
        assertThat(proposal.get("proposer").get("email").isNull()).isTrue();
        assertThat(proposal.get("proposer").get("anonymised").asBoolean()).isTrue();
        long left = app.planbot.database().read(connection -> Jdbc.count(connection,
                "select count(*) from proposals where proposer_name like '%Eva%' or lower(proposer_email) like '%eva%'"));
        assertThat(left).isZero();
        assertThat(app.get("/proposals/" + id).body()).contains("Förslagsställarens uppgifter raderades").doesNotContain("Eva Ek");
        assertThat(app.get(myData).statusCode()).as("the erased person's links open nothing").isEqualTo(404);
    }

    @Test
    void bad_input_everywhere_is_a_clear_4xx_and_changes_nothing() {
        long before = count("proposals");
        var empty = app.submit("/proposals/new", "/proposals", proposal(" ", "", "", false));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("ge förslaget en rubrik").contains("href=\"#proposal-title\"");
        var tooLong = new LinkedHashMap<String, Object>(proposal("Idé", "", "", false));
        tooLong.put("description", "x".repeat(10_000));
        var longAnswer = app.submit("/proposals/new", "/proposals", tooLong);
        assertThat(longAnswer.statusCode()).isEqualTo(400);
        assertThat(longAnswer.body()).contains("beskrivningen är för lång: högst 5 000 tecken");
        var script = app.submit("/proposals/new", "/proposals", proposal("<script>alert(1)</script>", "", "ingen-adress", false));
        assertThat(script.statusCode()).isEqualTo(400);
        assertThat(script.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
        assertThat(app.submit("/proposals/new", "/dialogs/999/proposals", proposal("Idé", "", "", false)).statusCode())
                .isEqualTo(404);
        assertThat(app.api("POST", "/api/v1/proposals", "{\"title\":\"Idé\",\"dialogId\":999}").statusCode()).isEqualTo(400);
        var noCsrf = app.post(app.browser, "/proposals", Map.of("title", "Idé"));
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(count("proposals")).isEqualTo(before);

        long id = register("Idé som avgörs", "eva@ekbygg.se");
        app.api("POST", "/api/v1/proposals/" + id + "/decision", "{\"decision\":\"rejected\",\"answer\":\"Nej tack\"}");
        long history = count("proposal_history");
        long actions = count("actions");
        var again = app.api("POST", "/api/v1/proposals/" + id + "/decision",
                "{\"decision\":\"accepted\",\"newAction\":{}}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(app.json(again).get("detail").asText()).contains("redan avslaget").contains("inget ändrades");
        assertThat(count("proposal_history")).isEqualTo(history);
        assertThat(count("actions")).isEqualTo(actions);
    }

    @Test
    void a_dialog_page_takes_proposals_only_from_its_start_until_the_configured_days_after() {
        app.clock.set(BusinessFixture.at("2026-12-02T10:00"));
        assertThat(app.get("/dialogs/" + dialog).body()).doesNotContain("Förslag från dialogen");
        app.clock.set(BusinessFixture.at("2027-01-03T10:00")); // 31 days after: closed (default 30)
        assertThat(app.get("/dialogs/" + dialog).body()).doesNotContain("Förslag från dialogen");
        var late = app.submit("/proposals/new", "/dialogs/" + dialog + "/proposals", proposal("Sen idé", "", "", false));
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("/proposals/new");
    }

    private long register(String title, String email) {
        var created = app.api("POST", "/api/v1/proposals", "{\"title\":" + BusinessFixture.quote(title)
                + ",\"origin\":\"meeting\",\"name\":\"Eva Ek\",\"email\":\"" + email + "\",\"consent\":true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return app.json(created).get("id").asLong();
    }

    private long count(String table) {
        return app.planbot.database().read(connection -> Jdbc.count(connection, "select count(*) from " + table));
    }

    private static Map<String, Object> proposal(String title, String name, String email, boolean showName) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("title", title);
        fields.put("description", "Företagen möter elever och arbetssökande tillsammans.");
        fields.put("strategy", "2");
        fields.put("name", name);
        fields.put("company", name.isEmpty() ? "" : "Ek Bygg AB");
        fields.put("email", email);
        if (showName) {
            fields.put("showName", "yes");
        }
        if (!name.isEmpty() || !email.isEmpty()) {
            fields.put("consent", "yes");
        }
        return fields;
    }

    private static String matching(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(regex + " in " + text).isTrue();
        return matcher.group(1);
    }

    private MimeMessage receive(String subjectStart) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            app.planbot.dispatcher().dispatchDue();
            for (MimeMessage message : greenMail.getReceivedMessages()) {
                if (message.getSubject().startsWith(subjectStart)
                        && Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().contains(EVA))) {
                    return message;
                }
            }
            greenMail.waitForIncomingEmail(200, greenMail.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no mail '" + subjectStart + "' to " + EVA);
    }

    private static String text(Part part) throws Exception {
        for (Part each : parts(part)) {
            if (each.isMimeType("text/plain")) {
                return (String) each.getContent();
            }
        }
        throw new AssertionError("no text/plain part");
    }

    private static List<Part> parts(Part part) throws Exception {
        var result = new ArrayList<Part>();
        result.add(part);
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                result.addAll(parts(child));
            }
        }
        return result;
    }
}
