package se.planbot.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.Fixtures;
import se.planbot.TestClock;
import se.planbot.outbox.Channel;
import se.planbot.outbox.QueuedMessage;
import se.planbot.outbox.SendFailure;

/** MIME messages from templates, sent through real SMTP (GreenMail) and read back. */
class MailComposerTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path folder;

    private final TestClock clock = TestClock.at("2026-12-01T08:00");

    private MailSettings settings() {
        return MailSettings.from(Fixtures.config(folder, Map.of("mail.from", "Planbot Alingsås <planbot@alingsas.se>")))
                .withSmtp("127.0.0.1", greenMail.getSmtp().getPort());
    }

    private MailComposer composer(Path templates) {
        return new MailComposer(new MailTemplates(templates), settings(), clock);
    }

    private static QueuedMessage message(String recipient, String name, Map<String, Object> model) {
        return new QueuedMessage(42, "test:42", Channel.EMAIL, recipient, name, "reminder", model,
                Locale.forLanguageTag("sv"), 0, Instant.parse("2026-12-01T07:00:00Z"));
    }

    private static Map<String, Object> reminder(String title) {
        var item = new LinkedHashMap<String, Object>();
        item.put("actionId", 12);
        item.put("code", "2.3");
        item.put("title", title);
        item.put("deadline", "2026-12-08");
        item.put("daysLeft", 7);
        item.put("overdue", false);
        item.put("daysOverdue", 0);
        item.put("status", "in_progress");
        item.put("progress", 30);
        item.put("url", "https://planbot.alingsas.se/plan/actions/12");
        return new LinkedHashMap<>(Map.of("personName", "Åsa Öberg", "date", "2026-12-01", "items", List.of(item)));
    }

    private MimeMessage sendAndReceive(QueuedMessage message) throws Exception {
        try (var sender = new SmtpMailSender(settings(), composer(Path.of("templates")))) {
            sender.send(message);
        }
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    @Test
    void swedish_letters_in_subject_name_and_body_survive_real_smtp_exactly() throws Exception {
        var received = sendAndReceive(message("asa@example.se", "Åsa Öberg", reminder("Ökad samverkan med näringslivet")));
        assertThat(received.getSubject()).isEqualTo("Påminnelse: åtgärd 2.3 ska vara klar 8 december");
        assertThat(received.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        var to = (InternetAddress) received.getAllRecipients()[0];
        assertThat(to.getPersonal()).isEqualTo("Åsa Öberg");
        assertThat(received.getHeader("To")[0]).contains("=?UTF-8?");
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("Planbot Alingsås");
        var alternative = (Multipart) received.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat((String) alternative.getBodyPart(0).getContent())
                .contains("Hej Åsa!", "2.3 Ökad samverkan med näringslivet", "8 december 2026", "om 7 dagar");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) alternative.getBodyPart(1).getContent()).contains("Ökad samverkan med näringslivet");
        assertThat(received.getHeader("Date")[0]).isEqualTo("Tue, 1 Dec 2026 08:00:00 +0100 (CET)");
        assertThat(received.getMessageID()).isEqualTo("<outbox-42." + Instant.parse("2026-12-01T07:00:00Z").getEpochSecond()
                + "@planbot.alingsas.se>");
    }

    @Test
    void line_breaks_in_names_and_subjects_can_never_add_a_header() throws Exception {
        var received = sendAndReceive(message("asa@example.se", "Eve\r\nBcc: victim@example.com",
                reminder("Titel\r\nBcc: victim@example.com\r\nX-Evil: yes")));
        assertThat(received.getHeader("Bcc")).isNull();
        assertThat(received.getHeader("X-Evil")).isNull();
        assertThat(received.getAllRecipients()).hasSize(1);
        // GreenMail stores one copy per envelope recipient: exactly one means nobody was added.
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(((InternetAddress) received.getAllRecipients()[0]).getPersonal())
                .isEqualTo("Eve Bcc: victim@example.com");
        String headers = String.join("\n", Collections.list(received.getAllHeaderLines()));
        assertThat(headers).doesNotContainPattern("(?m)^Bcc:").doesNotContainPattern("(?m)^X-Evil:");
    }

    @Test
    void a_recipient_with_a_line_break_is_refused_for_good() {
        var composer = composer(Path.of("templates"));
        var sender = new FileMailSender(folder.resolve("mail"), composer);
        assertThatThrownBy(() -> sender.send(message("asa@example.se\r\nBcc: victim@example.com", "Åsa", reminder("x"))))
                .isInstanceOf(SendFailure.class).matches(failure -> ((SendFailure) failure).isPermanent())
                .hasMessageContaining("är ingen e-postadress");
        assertThatThrownBy(() -> sender.send(message("Åsa <asa@example.se>", "Åsa", reminder("x"))))
                .isInstanceOf(SendFailure.class);
    }

    @Test
    void an_invitation_carries_an_inline_calendar_part_and_an_ics_attachment() throws Exception {
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Planbot//SV\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
                + "UID:dialog-7@planbot.alingsas.se\r\nSUMMARY:Dialog om innovationskraft på Sparbanken Arena\r\n"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n";
        var model = reminder("Inbjudan");
        model.put("calendar", ics);
        model.put("calendarMethod", "REQUEST");
        model.put("unsubscribeUrl", "https://planbot.alingsas.se/unsubscribe?token=abc123");
        var received = sendAndReceive(message("foretag@example.se", "Företag AB", model));

        var mixed = (Multipart) received.getContent();
        assertThat(mixed.getContentType()).startsWith("multipart/mixed");
        var alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getCount()).isEqualTo(3);
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        Part calendar = alternative.getBodyPart(2);
        assertThat(calendar.getContentType()).contains("text/calendar").contains("charset=UTF-8").contains("method=REQUEST");
        assertThat(new String(calendar.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(ics);
        Part attachment = mixed.getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo("invite.ics");
        assertThat(attachment.getContentType()).startsWith("application/ics");
        assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(received.getHeader("List-Unsubscribe")).containsExactly("<https://planbot.alingsas.se/unsubscribe?token=abc123>");
        assertThat(received.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
    }

    @Test
    void an_unsubscribe_url_that_is_not_plain_https_is_refused() throws Exception {
        var composer = composer(Path.of("templates"));
        var session = Session.getInstance(new Properties());
        var model = reminder("x");
        model.put("unsubscribeUrl", "https://planbot.alingsas.se/u>\r\nBcc: victim@example.com");
        assertThatThrownBy(() -> composer.compose(session, message("a@example.se", "A", model)))
                .isInstanceOf(MailProblem.class).hasMessageContaining("https");
        model.put("unsubscribeUrl", "http://planbot.alingsas.se/u");
        assertThatThrownBy(() -> composer.compose(session, message("a@example.se", "A", model)))
                .isInstanceOf(MailProblem.class);
    }

    @Test
    void english_is_used_when_asked_and_a_missing_english_file_falls_back_to_swedish() throws Exception {
        Path templates = folder.resolve("templates");
        Files.createDirectories(templates.resolve("mail/sv"));
        Files.createDirectories(templates.resolve("mail/en"));
        Files.writeString(templates.resolve("mail/sv/note.subject.peb"), "Hej {{ recipientName }}");
        Files.writeString(templates.resolve("mail/en/note.subject.peb"), "Hello {{ recipientName }}");
        Files.writeString(templates.resolve("mail/sv/note.txt.peb"), "Text på svenska, {{ baseUrl }}");
        Files.writeString(templates.resolve("mail/sv/note.html.peb"), "<p>{{ recipientName }}</p>");
        var rendered = new MailTemplates(templates).render("note", Locale.ENGLISH,
                Map.of("recipientName", "<Åsa>", "baseUrl", "https://planbot.alingsas.se"));
        assertThat(rendered.subject()).isEqualTo("Hello <Åsa>");
        assertThat(rendered.text()).isEqualTo("Text på svenska, https://planbot.alingsas.se");
        assertThat(rendered.html()).isEqualTo("<p>&lt;Åsa&gt;</p>");
        assertThatThrownBy(() -> new MailTemplates(templates).render("missing", Locale.ENGLISH, Map.of()))
                .isInstanceOf(MailProblem.class).hasMessageContaining("saknas");
        assertThatThrownBy(() -> new MailTemplates(templates).render("../secret", Locale.ENGLISH, Map.of()))
                .isInstanceOf(MailProblem.class);
    }

    @Test
    void every_shipped_template_renders_in_swedish_and_english() throws Exception {
        var templates = new MailTemplates(Path.of("templates"));
        var item = reminder("Ökad samverkan").get("items");
        var models = Map.of(
                "reminder", reminder("Ökad samverkan"),
                "digest", Map.<String, Object>of("week", "2026-W49", "date", "2026-11-30", "overdue", item,
                        "upcoming", List.of(), "completed", item, "baseUrl", "https://planbot.alingsas.se"),
                "outbox-dead", Map.<String, Object>of("date", "2026-12-01", "count", 1, "items",
                        List.of(Map.of("id", 5, "recipient", "a@example.se", "template", "reminder", "lastError", "550"))));
        for (var entry : models.entrySet()) {
            for (Locale locale : List.of(Locale.forLanguageTag("sv"), Locale.ENGLISH)) {
                var rendered = templates.render(entry.getKey(), locale, entry.getValue());
                assertThat(rendered.subject()).isNotBlank().doesNotContain("\n");
                assertThat(rendered.text()).isNotBlank();
                assertThat(rendered.html()).contains("<html");
            }
        }
        assertThat(templates.render("digest", Locale.forLanguageTag("sv"), models.get("digest")).text())
                .contains("FÖRSENADE (1)", "Inga åtgärder har deadline de närmaste 14 dagarna");
        assertThat(templates.render("digest", Locale.forLanguageTag("sv"), models.get("digest")).subject())
                .isEqualTo("Veckosammanfattning v. 49: 1 försenade, 0 närmar sig, 1 klara");
    }

    @Test
    void the_file_transport_writes_one_eml_per_message_that_reads_back_as_sent() throws Exception {
        Path directory = folder.resolve("mail");
        var sender = new FileMailSender(directory, composer(Path.of("templates")));
        var message = message("asa@example.se", "Åsa Öberg", reminder("Ökad samverkan"));
        sender.send(message);
        sender.send(message);
        try (var files = Files.list(directory)) {
            var names = files.map(path -> path.getFileName().toString()).toList();
            assertThat(names).containsExactly("20261201-070000-outbox-42-reminder.eml");
        }
        try (var in = Files.newInputStream(directory.resolve("20261201-070000-outbox-42-reminder.eml"))) {
            var parsed = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(parsed.getSubject()).isEqualTo("Påminnelse: åtgärd 2.3 ska vara klar 8 december");
            assertThat(((InternetAddress) parsed.getAllRecipients()[0]).getPersonal()).isEqualTo("Åsa Öberg");
            assertThat(parsed.getContentType()).startsWith("multipart/alternative");
        }
    }
}
