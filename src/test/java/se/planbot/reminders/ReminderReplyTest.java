package se.planbot.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
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

/** An owner's reminder says how to act on it: reply (to the coordinator) or update in Slack. */
class ReminderReplyTest {

    @TempDir
    Path folder;

    @Test
    void a_reminder_is_answered_to_the_coordinator_and_tells_how_to_update_in_slack_when_slack_is_on()
            throws Exception {
        try (Planbot planbot = TestPlanbot.create(folder, Map.of(), Clock.fixed(TestPlanbot.NOW, ZoneOffset.UTC))) {
            planbot.loadDemo();
        }
        var monday = Clock.fixed(Instant.parse("2026-11-30T07:05:00Z"), ZoneOffset.UTC);
        var slackOnByEmail = Map.of("slack.bot-token", "xoxb-fake", "slack.signing-secret", "hemligt",
                "slack.reminders", "email", "slack.api-url", "http://127.0.0.1:1/api/");
        try (Planbot planbot = TestPlanbot.create(folder, slackOnByEmail, monday)) {
            planbot.remind(false);
        }
        MimeMessage reminder = mail("-reminder.eml");
        assertThat(((InternetAddress) reminder.getReplyTo()[0]).getAddress()).isEqualTo("koordinator@example.se");
        String text = (String) ((Multipart) reminder.getContent()).getBodyPart(0).getContent();
        assertThat(text).contains("I Slack: skriv /plan följt av åtgärdens kod och tryck på Uppdatera.",
                "Svara på det här mejlet – svaret går till samordnaren.");
    }

    private MimeMessage mail(String suffix) throws Exception {
        Path eml;
        try (var files = Files.list(folder.resolve("mail"))) {
            eml = files.filter(file -> file.toString().endsWith(suffix)).sorted().findFirst().orElseThrow();
        }
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }
}
