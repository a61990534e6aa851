package se.planbot.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.Fixtures;
import se.planbot.MutableClock;
import se.planbot.Planbot;
import se.planbot.config.ConfigException;
import se.planbot.outbox.QueuedMessage;
import se.planbot.plan.PersonRole;

/** The coordinator is reminded of last year's follow-up before followup.due (31 March by default). */
class FollowUpDueTest {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    @TempDir
    Path folder;
    MutableClock clock = new MutableClock(Instant.parse("2027-02-01T08:00:00Z"));
    Planbot planbot;

    private void start(Map<String, String> settings) {
        planbot = Fixtures.planbot(folder, clock, settings);
        Fixtures.person(planbot, "Karin Öst", "karin@kommun.se", null, PersonRole.COORDINATOR);
    }

    @AfterEach
    void stop() {
        if (planbot != null) {
            planbot.close();
        }
    }

    private List<QueuedMessage> sweep(String stockholmTime, String template) {
        var now = ZonedDateTime.of(LocalDateTime.parse(stockholmTime), STOCKHOLM);
        clock.set(now.toInstant());
        return planbot.sweep().run(now).queued().stream().filter(message -> message.template().equals(template)).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> followUpLines(List<QueuedMessage> digests) {
        assertThat(digests).hasSize(1);
        return (List<Map<String, Object>>) digests.get(0).model().get("followUp");
    }

    @Test
    void nothing_is_said_before_four_weeks_ahead_of_the_due_day() {
        start(Map.of());

        assertThat(sweep("2027-03-01T09:00", "followup-due")).isEmpty();
        clock.set(Instant.parse("2027-02-01T08:00:00Z"));
        assertThat(followUpLines(sweep("2027-02-22T08:05", "digest"))).isEmpty();
    }

    @Test
    void four_weeks_ahead_the_coordinator_gets_one_mail_and_the_digest_a_line_until_it_is_published() {
        start(Map.of());

        List<QueuedMessage> mails = sweep("2027-03-03T09:00", "followup-due");
        assertThat(mails).singleElement().satisfies(mail -> {
            assertThat(mail.key()).isEqualTo("followup-due:2026:karin@kommun.se");
            assertThat(mail.model()).containsEntry("year", 2026).containsEntry("due", "2027-03-31")
                    .containsEntry("started", false);
        });
        assertThat(sweep("2027-03-04T09:00", "followup-due")).isEmpty();
        assertThat(followUpLines(sweep("2027-03-08T08:05", "digest"))).singleElement()
                .satisfies(line -> assertThat(line).containsEntry("year", 2026).containsEntry("overdue", false));

        planbot.followUp().reports().startDraft(2026, "Karin Öst");
        for (Section section : Section.values()) {
            planbot.followUp().reports().saveSection(2026, section, "Klart.", true, "Karin Öst");
        }
        planbot.followUp().reports().publish(2026, "Karin Öst");

        assertThat(followUpLines(sweep("2027-03-15T08:05", "digest"))).isEmpty();
    }

    @Test
    void after_the_due_day_no_new_mail_goes_out_and_the_digest_says_it_is_overdue() {
        start(Map.of());
        planbot.followUp().reports().startDraft(2026, "Karin Öst");
        planbot.followUp().reports().saveSection(2026, Section.INTRODUCTION, "Året i korthet.", true, "Karin Öst");

        assertThat(sweep("2027-04-01T09:00", "followup-due")).isEmpty();
        assertThat(followUpLines(sweep("2027-04-05T08:05", "digest"))).singleElement().satisfies(line ->
                assertThat(line).containsEntry("overdue", true).containsEntry("started", true).containsEntry("ready", 1)
                        .containsEntry("url", "https://planbot.alingsas.se/admin/follow-up/2026"));
    }

    @Test
    void the_due_day_is_configurable_and_the_mail_reads_in_swedish() throws IOException {
        start(Map.of("followup.due", "02-15"));

        assertThat(sweep("2027-01-20T09:00", "followup-due")).hasSize(1);
        planbot.dispatcher().dispatchDue();

        String mail;
        try (Stream<Path> files = Files.list(folder.resolve("mail"))) {
            mail = Files.readString(files.filter(file -> file.toString().endsWith("followup-due.eml")).findFirst()
                    .orElseThrow(), StandardCharsets.UTF_8);
        }
        assertThat(mail).contains("To: =?UTF-8?").contains("karin@kommun.se");
        assertThat(decoded(mail)).contains("Den årliga uppföljningen för 2026 ska vara klar 15 februari 2027.")
                .contains("Ingen uppföljning för 2026 är påbörjad ännu.")
                .contains("https://planbot.alingsas.se/admin/follow-up");
    }

    @Test
    void a_due_day_that_is_not_month_and_day_stops_start_up_naming_the_key() {
        assertThatThrownBy(() -> FollowUpDue.parse("31 mars")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("followup.due").hasMessageContaining("MM-DD");
        assertThat(FollowUpDue.parse("02-29").atYear(2027).toString()).isEqualTo("2027-02-28");
    }

    /** The mail's text as a person reads it (quoted-printable soft breaks and bytes undone). */
    private static String decoded(String eml) {
        try {
            var message = new jakarta.mail.internet.MimeMessage(null,
                    new java.io.ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
            return text(message.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object content) throws Exception {
        if (content instanceof jakarta.mail.Multipart multipart) {
            var all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i).getContent())).append('\n');
            }
            return all.toString();
        }
        return String.valueOf(content);
    }
}
