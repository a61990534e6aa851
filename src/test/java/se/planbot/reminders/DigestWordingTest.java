package se.planbot.reminders;

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

/** The digest says overdue and times the way the reminders do, and says since when "klara" counts. */
class DigestWordingTest {

    @TempDir
    Path folder;

    @Test
    void overdue_reads_forsenad_med_n_dagar_times_read_13_00_and_completed_names_its_start_date() throws Exception {
        try (Planbot planbot = TestPlanbot.create(folder, Map.of(), Clock.fixed(TestPlanbot.NOW, ZoneOffset.UTC))) {
            planbot.loadDemo();
        }
        Clock monday = Clock.fixed(Instant.parse("2026-12-07T07:05:00Z"), ZoneOffset.UTC);
        try (Planbot planbot = TestPlanbot.create(folder, Map.of(), monday)) {
            planbot.remind(false);
        }
        String digest = digestText();
        assertThat(digest).containsPattern("försenad med \\d+ dagar\\)").doesNotContain("dagar sen)");
        assertThat(digest).contains("tisdag 15 december kl. 08.00").doesNotContain("kl. 08:00");
        assertThat(digest).contains("KLARA SEDAN 30 NOVEMBER").doesNotContain("SEDAN FÖRRA");
    }

    @Test
    void completed_covers_at_most_the_last_7_days_when_the_previous_digest_time_is_further_back() throws Exception {
        var settings = Map.of("reminders.digest-cron", "0 0 8,20 1,9 * ?"); // 1 Dec 20:00, then 9 Dec 08:00: 7.5 days
        try (Planbot planbot = TestPlanbot.create(folder, settings, Clock.fixed(TestPlanbot.NOW, ZoneOffset.UTC))) {
            planbot.loadDemo();
        }
        Clock ninth = Clock.fixed(Instant.parse("2026-12-09T07:05:00Z"), ZoneOffset.UTC);
        try (Planbot planbot = TestPlanbot.create(folder, settings, ninth)) {
            planbot.remind(false);
        }
        assertThat(digestText()).contains("KLARA SEDAN 2 DECEMBER");
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
