package se.planbot.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.Planbot;
import se.planbot.TestPlanbot;

class DialogDigestTest {

    @TempDir
    Path folder;

    @Test
    void the_coordinators_digest_lists_the_published_dialogs_of_the_coming_two_weeks() throws Exception {
        try (Planbot planbot = TestPlanbot.create(folder, Map.of(), Clock.fixed(TestPlanbot.NOW, ZoneOffset.UTC))) {
            planbot.loadDemo(); // publishes a breakfast dialog on Tuesday 15 December 2026, 08:00
        }
        Clock mondayBefore = Clock.fixed(Instant.parse("2026-12-07T07:05:00Z"), ZoneOffset.UTC);
        try (Planbot planbot = TestPlanbot.create(folder, Map.of(), mondayBefore)) {
            planbot.remind(false);
        }
        String digest = digestText();
        assertThat(digest).contains("DIALOGER DE NÄRMASTE 14 DAGARNA (1)",
                "Frukostmöte om kompetensförsörjning – tisdag 15 december kl. 08.00, Stadshuset, sal 1 – 0 av 40 anmälda");
    }

    private String digestText() throws Exception {
        Path eml;
        try (var files = Files.list(folder.resolve("mail"))) {
            eml = files.filter(file -> file.toString().endsWith("-digest.eml")).findFirst().orElseThrow();
        }
        try (InputStream in = Files.newInputStream(eml)) {
            var message = new MimeMessage(Session.getInstance(new Properties()), in);
            var parts = (jakarta.mail.Multipart) message.getContent();
            return (String) parts.getBodyPart(0).getContent();
        }
    }
}
