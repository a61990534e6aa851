package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.FileLoader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.db.Jdbc;
import se.planbot.reminders.WorkingDays;

/**
 * The business mails as the mail renderer will render them: every template of every message the
 * story queues, in Swedish and English, from templates/mail/&lt;locale&gt;/&lt;name&gt;.{subject,txt,html}.peb
 * with the queued model plus baseUrl and recipientName. Checks texts, links and escaping.
 */
class MailTemplatesTest {

    static final List<String> TEMPLATES = List.of("subscribe-confirm", "subscribe-known", "dialog-invitation",
            "dialog-update", "dialog-cancel", "registration-confirm", "registration-reminder", "registration-cancelled");

    @TempDir
    Path folder;
    BusinessFixture app;
    final PebbleEngine engine = new PebbleEngine.Builder().loader(new FileLoader(Path.of("templates").toAbsolutePath().toString()))
            .autoEscaping(true).extension(se.planbot.mail.FirstName.EXTENSION).build();

    @BeforeEach
    void story() {
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"));
        for (String locale : List.of("sv", "en")) {
            String anna = "anna-" + locale + "@foretag.se";
            app.submit("/subscribe?locale=" + locale, "/subscribe", Map.of("email", anna, "name", "Anna & <Bo>",
                    "topics", List.of(2), "consent", "yes", "locale", locale));
            String confirm = BusinessFixture.path(app.lastMail(anna, "subscribe-confirm").get("confirmUrl").asText());
            app.submit(confirm, "/subscribe/confirm", Map.of("token", confirm.substring(confirm.indexOf("token=") + 6)));
            // A sign-up again, past the five minutes in which a fresh confirmation sends nothing more.
            app.clock.advance(java.time.Duration.ofMinutes(6));
            app.submit("/subscribe", "/subscribe", Map.of("email", anna, "name", "Anna", "topics", List.of(2), "consent", "yes"));
        }
        long id = app.publishDialog("Kompetens & <framtid>", "2026-12-10T09:00", "2026-12-10T11:00", null, "[2]");
        for (String locale : List.of("sv", "en")) {
            app.submit("/dialogs/" + id + "?locale=" + locale, "/dialogs/" + id + "/register",
                    Map.of("name", "Reg", "email", "reg-" + locale + "@a.se", "locale", locale));
        }
        app.api("PATCH", "/api/v1/dialogs/" + id, "{\"place\":\"Nya salen\"}");
        app.planbot.database().write(connection -> app.planbot.registrationReminders().runAsOf(connection,
                BusinessFixture.at("2026-12-09T09:00").atZone(BusinessFixture.STOCKHOLM), new WorkingDays()));
        String cancel = BusinessFixture.path(app.lastMail("reg-sv@a.se", "registration-confirm").get("cancelUrl").asText());
        app.submit(cancel, "/registrations/cancel", Map.of("token", cancel.substring(cancel.indexOf("token=") + 6)));
        app.api("POST", "/api/v1/dialogs/" + id + "/cancel", null);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void every_business_mail_template_exists_in_swedish_and_english() {
        for (String locale : List.of("sv", "en")) {
            for (String template : TEMPLATES) {
                for (String part : List.of("subject", "txt", "html")) {
                    assertThat(Path.of("templates/mail", locale, template + "." + part + ".peb")).exists();
                }
            }
        }
    }

    @Test
    void every_queued_business_mail_renders_with_its_links_and_escapes_what_people_typed() throws Exception {
        record Row(String template, String locale, String name, String payload) { }
        List<Row> rows = app.planbot.database().read(connection -> Jdbc.list(connection,
                "select template, locale, recipient_name, payload from outbox order by id",
                r -> new Row(r.getString(1), r.getString(2), r.getString(3), r.getString(4))))
                .stream().filter(row -> TEMPLATES.contains(row.template())).toList();
        assertThat(rows.stream().map(Row::template).distinct()).containsExactlyInAnyOrderElementsOf(TEMPLATES);
        assertThat(rows.stream().map(Row::locale).distinct()).contains("sv", "en");
        for (Row row : rows) {
            Map<String, Object> model = new HashMap<>(BusinessFixture.JSON.readValue(row.payload(), new TypeReference<Map<String, Object>>() { }));
            model.put("baseUrl", "http://planbot.example.se");
            model.put("recipientName", row.name());
            Locale locale = Locale.forLanguageTag(row.locale());
            String subject = render(row.locale() + "/" + row.template() + ".subject.peb", model, locale);
            String text = render(row.locale() + "/" + row.template() + ".txt.peb", model, locale);
            String html = render(row.locale() + "/" + row.template() + ".html.peb", model, locale);
            assertThat(subject).as(row.template()).isNotBlank().doesNotContain("\n").doesNotContain("&amp;");
            assertThat(html).as(row.template()).contains("<html lang=\"" + row.locale() + "\">").doesNotContain("<framtid>")
                    .doesNotContain("<Bo>");
            assertThat(text).as(row.template()).doesNotContain("&amp;").doesNotContain("&lt;");
            if (row.template().equals("dialog-invitation")) {
                assertThat(text).contains((String) model.get("registerUrl"));
            }
            for (String link : List.of("confirmUrl", "preferencesUrl", "unsubscribeLink", "cancelUrl")) {
                if (model.get(link) instanceof String url) {
                    assertThat(text).as(row.template() + " " + link).contains(url);
                    assertThat(html).as(row.template() + " " + link).contains(url.replace("&", "&amp;"));
                }
            }
            if (row.template().startsWith("dialog-") || row.template().startsWith("registration-")) {
                assertThat(text).as(row.template()).contains("Kompetens & <framtid>");
                assertThat(html).as(row.template()).contains("Kompetens &amp; &lt;framtid&gt;");
                assertThat(text).contains(row.locale().equals("sv") ? "torsdag 10 december 2026" : "Thursday 10 December 2026");
            }
        }
    }

    private String render(String name, Map<String, Object> model, Locale locale) throws Exception {
        var writer = new StringWriter();
        engine.getTemplate("mail/" + name).evaluate(writer, model, locale);
        return writer.toString();
    }
}
