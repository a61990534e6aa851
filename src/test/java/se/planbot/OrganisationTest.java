package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.config.Config;
import se.planbot.config.ConfigException;
import se.planbot.config.Organisation;
import se.planbot.dialogs.IndependentIcsParser;

/**
 * The municipality is named: on every page (with its logo), as the sender of mails and in them,
 * and as the calendar feed's name; a single dialog offers its own calendar file.
 */
class OrganisationTest {

    static final Map<String, String> ALINGSAS = Map.of(
            "organisation.name", "Alingsås kommun",
            "organisation.logo-url", "https://www.alingsas.se/logga.svg",
            "mail.from", "naringsliv@example.se");

    @TempDir
    Path folder;

    @Test
    void pages_name_the_municipality_and_show_its_logo() {
        try (var app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"), ALINGSAS)) {
            for (String path : List.of("/", "/plan", "/dialogs", "/subscribe", "/tillganglighet")) {
                var page = app.get(path);
                assertThat(page.body()).as(path).contains("<span class=\"organisation\">Alingsås kommun</span>")
                        .contains("<img class=\"logo\" src=\"https://www.alingsas.se/logga.svg\" alt=\"\">")
                        .containsPattern("<title>[^<]+ – Alingsås kommun</title>")
                        .contains("Webbplatsen drivs av Alingsås kommun.");
                assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                        .contains("img-src 'self' https://www.alingsas.se;");
            }
        }
    }

    @Test
    void mails_come_from_the_municipality_and_name_it() throws Exception {
        try (var app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"), ALINGSAS)) {
            app.subscribeAndConfirm("anna@foretag.se", "Anna", List.of(2));
            app.publishDialog("Frukostmöte", "2026-12-10T09:00", "2026-12-10T11:00", null, "[2]");
            app.planbot.dispatcher().dispatchDue();

            MimeMessage invitation = eml(folder.resolve("outbox"), "dialog-invitation");
            var from = (InternetAddress) invitation.getFrom()[0];
            assertThat(from.getPersonal()).isEqualTo("Alingsås kommun");
            assertThat(from.getAddress()).isEqualTo("naringsliv@example.se");
            assertThat(decoded(invitation)).contains("en dialog med Alingsås kommun och det lokala näringslivet")
                    .contains("https://www.alingsas.se/logga.svg");
        }
    }

    @Test
    void the_feed_is_named_after_the_municipality_and_each_dialog_has_its_own_calendar_file() {
        try (var app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"), ALINGSAS)) {
            long id = app.publishDialog("Frukostmöte", "2026-12-10T09:00", "2026-12-10T11:00", null, "[2]");
            JsonNode feed = IndependentIcsParser.parse(app.get("/dialogs.ics").body());
            assertThat(feed.get("name").asText()).isEqualTo("Dialoger – Alingsås kommun");

            assertThat(app.get("/dialogs/" + id).body())
                    .contains("<a href=\"/dialogs/" + id + "/kalender.ics\">Lägg till i kalendern (.ics)</a>");
            var file = app.get("/dialogs/" + id + "/kalender.ics");
            assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
            JsonNode one = IndependentIcsParser.parse(file.body());
            assertThat(one.get("method").asText()).isEqualTo("PUBLISH");
            assertThat(one.get("events")).hasSize(1);
            assertThat(one.get("events").get(0).get("start").asText()).isEqualTo("2026-12-10T09:00:00+01:00");
            assertThat(one.get("events").get(0).get("organizer").asText()).isEqualTo("mailto:naringsliv@example.se");
            assertThat(one.get("events").get(0).get("attendees")).isEmpty();
            assertThat(app.get("/dialogs/999/kalender.ics").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void the_sender_name_is_the_key_then_the_name_in_mail_from_then_the_organisation() {
        var base = Map.of("organisation.name", "Alingsås kommun", "mail.from", "Näringsliv <n@example.se>");
        assertThat(Organisation.from(Config.of(base)).senderName()).isEqualTo("Näringsliv");
        assertThat(Organisation.from(Config.of(Map.of("organisation.name", "Alingsås kommun", "mail.from", "n@example.se")))
                .senderName()).isEqualTo("Alingsås kommun");
        var named = new java.util.HashMap<>(base);
        named.put("mail.sender-name", "Alingsås kommun, näringsliv");
        assertThat(Organisation.from(Config.of(named)).senderName()).isEqualTo("Alingsås kommun, näringsliv");
    }

    @Test
    void a_logo_or_privacy_notice_that_is_no_web_address_stops_start_up_naming_the_key() {
        assertThatThrownBy(() -> Organisation.from(Config.of(Map.of("organisation.logo-url", "logga.svg"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("organisation.logo-url")
                .hasMessageContaining("http- eller https-adress");
        assertThatThrownBy(() -> Organisation.from(Config.of(Map.of("privacy.notice-url", "javascript:alert(1)"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("privacy.notice-url");
        assertThatThrownBy(() -> Organisation.from(Config.of(Map.of("organisation.name", " "))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("organisation.name");
        assertThatThrownBy(() -> Config.of(Map.of("organisation.namn", "Alingsås kommun")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("organisation.namn");
    }

    private static Path file(Path outbox, String template) throws Exception {
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-" + template + ".eml")).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + template + " in " + outbox));
        }
    }

    private static MimeMessage eml(Path outbox, String template) throws Exception {
        try (InputStream in = Files.newInputStream(file(outbox, template))) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    /** Every text part of the message, decoded. */
    private static String decoded(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        var all = new StringBuilder();
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(decoded(multipart.getBodyPart(i)));
            }
        }
        return all.toString();
    }
}
