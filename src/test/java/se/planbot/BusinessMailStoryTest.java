package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.dialogs.IndependentIcsParser;

/**
 * The whole business story as a person lives it, through the real dispatcher and SMTP (GreenMail):
 * each step follows the link in the mail that actually arrived. The invitation carries a
 * text/calendar part with method=PUBLISH that python3-icalendar reads, and RFC 8058 headers; the
 * registration confirmation a method=REQUEST with the same UID.
 */
class BusinessMailStoryTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final String ANNA = "anna@foretag.se";

    @TempDir
    Path folder;
    BusinessFixture app;

    @BeforeEach
    void start() {
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"), Map.of(
                "mail.transport", "smtp", "smtp.host", "127.0.0.1",
                "smtp.port", String.valueOf(greenMail.getSmtp().getPort()), "smtp.timeout-seconds", "5"));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void subscribe_confirm_invitation_register_reminder_and_one_click_unsubscribe_by_real_mail() throws Exception {
        var sent = app.submit("/subscribe", "/subscribe", Map.of("email", ANNA, "name", "Anna Andersson",
                "company", "Företaget AB", "orgNumber", "556036-0793", "topics", List.of(2, 3), "consent", "yes"));
        assertThat(sent.body()).contains("Kolla din e-post");

        MimeMessage confirmMail = receive("Bekräfta din prenumeration");
        String confirmLink = link(text(confirmMail), "/subscribe/confirm?token=");
        assertThat(app.get(confirmLink).body()).contains("Bekräfta prenumerationen");
        app.submit(confirmLink, "/subscribe/confirm", Map.of("token", token(confirmLink)));
        assertThat(app.subscriberStatus(ANNA)).isEqualTo("confirmed");

        long dialog = app.publishDialog("Frukostmöte om kompetens", "2026-12-10T09:00", "2026-12-10T11:00", 30, "[2]");
        MimeMessage invitation = receive("Inbjudan: Frukostmöte om kompetens");
        String listUnsubscribe = invitation.getHeader("List-Unsubscribe", null);
        assertThat(listUnsubscribe).startsWith("<https://planbot.example.se/unsubscribe?token=").endsWith(">");
        assertThat(invitation.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        String body = text(invitation);
        assertThat(body).contains("torsdag 10 december 2026, 09.00–11.00").contains("Stadshuset, sal 1")
                .contains("https://planbot.example.se/dialogs/" + dialog + "#anmalan")
                .contains("Avsluta prenumerationen: https://planbot.example.se/unsubscribe?token=");
        Part calendarPart = calendarPart(invitation);
        assertThat(calendarPart.getContentType()).contains("text/calendar").containsIgnoringCase("method=PUBLISH");
        JsonNode ics = IndependentIcsParser.parse(read(calendarPart));
        assertThat(ics.get("method").asText()).isEqualTo("PUBLISH");
        assertThat(ics.get("events").get(0).get("attendees")).isEmpty();
        assertThat(ics.get("events").get(0).get("start").asText()).isEqualTo("2026-12-10T09:00:00+01:00");
        String uid = ics.get("events").get(0).get("uid").asText();

        String registerPage = BusinessFixture.path(link(body, "/dialogs/" + dialog));
        var registered = app.submit(registerPage, "/dialogs/" + dialog + "/register",
                Map.of("name", "Anna Andersson", "company", "Företaget AB", "email", ANNA));
        assertThat(registered.body()).contains("Tack för din anmälan");
        MimeMessage confirmation = receive("Anmälan bekräftad: Frukostmöte om kompetens");
        assertThat(calendarPart(confirmation).getContentType()).containsIgnoringCase("method=REQUEST");
        assertThat(IndependentIcsParser.parse(read(calendarPart(confirmation))).get("events").get(0).get("uid").asText())
                .isEqualTo(uid);
        assertThat(confirmation.getHeader("List-Unsubscribe")).as("transactional mail has no unsubscribe").isNull();

        app.clock.set(BusinessFixture.at("2026-12-09T08:00"));
        app.planbot.sweep().run(app.now());
        MimeMessage reminder = receive("Påminnelse: Frukostmöte om kompetens");
        assertThat(text(reminder)).contains("/registrations/cancel?token=");

        String oneClick = BusinessFixture.path(listUnsubscribe.substring(1, listUnsubscribe.length() - 1));
        HttpResponse<String> left = app.cookieless.send(HttpRequest.newBuilder(URI.create(app.base + oneClick))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(left.statusCode()).isEqualTo(200);
        assertThat(app.subscriberStatus(ANNA)).isEqualTo("unsubscribed");
    }

    /** Dispatches the outbox and waits for the mail to Anna with this subject. */
    private MimeMessage receive(String subjectStart) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            app.planbot.dispatcher().dispatchDue();
            for (MimeMessage message : greenMail.getReceivedMessagesForDomain("foretag.se")) {
                if (message.getSubject().startsWith(subjectStart)
                        && Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().contains(ANNA))) {
                    return message;
                }
            }
            greenMail.waitForIncomingEmail(200, greenMail.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no mail '" + subjectStart + "' to " + ANNA);
    }

    private static String token(String path) {
        return path.substring(path.indexOf("token=") + 6);
    }

    private static String link(String text, String contains) {
        Matcher matcher = Pattern.compile("https://planbot\\.example\\.se\\S+").matcher(text);
        while (matcher.find()) {
            if (matcher.group().contains(contains)) {
                return BusinessFixture.path(matcher.group());
            }
        }
        throw new AssertionError("no link with " + contains + " in:\n" + text);
    }

    private static String text(Part part) throws Exception {
        for (Part each : parts(part)) {
            if (each.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(each.getDisposition())) {
                return read(each);
            }
        }
        throw new AssertionError("no text/plain part");
    }

    private static Part calendarPart(Part message) throws Exception {
        for (Part each : parts(message)) {
            if (each.isMimeType("text/calendar") && !Part.ATTACHMENT.equalsIgnoreCase(each.getDisposition())) {
                return each;
            }
        }
        throw new AssertionError("no inline text/calendar part");
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

    private static String read(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        try (InputStream in = (InputStream) content) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (ClassCastException | IOException e) {
            throw new AssertionError("unreadable part " + part.getContentType(), e);
        }
    }
}
