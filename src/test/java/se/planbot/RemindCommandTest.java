package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.plan.PersonRole;

/** {@code planbot remind} as a user runs it: a configuration file, a database, .eml files out. */
class RemindCommandTest {

    @TempDir
    Path folder;

    private Path configFile;

    private record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void seed() throws Exception {
        configFile = folder.resolve("planbot.properties");
        Files.writeString(configFile, String.join("\n",
                "db.path=" + folder.resolve("planbot.db"),
                "mail.file-dir=" + folder.resolve("mail"),
                "templates.dir=" + Path.of("templates").toAbsolutePath(),
                "public.base-url=https://planbot.alingsas.se",
                ""));
        try (Planbot planbot = Fixtures.planbot(folder, Clock.systemUTC(), Map.of())) {
            var anna = Fixtures.person(planbot, "Anna Milsta", "anna@example.se", null, PersonRole.OWNER);
            var erik = Fixtures.person(planbot, "Erik Sjöberg", "erik@example.se", null, PersonRole.OWNER);
            Fixtures.person(planbot, "Koordinator", "koordinator@example.se", null, PersonRole.COORDINATOR);
            Fixtures.action(planbot, "1.1", anna, "2026-12-08");
            Fixtures.action(planbot, "1.2", anna, "2026-11-20");
            Fixtures.action(planbot, "1.3", erik, "2026-12-15");
        }
    }

    private Run remind(String... arguments) {
        var out = new StringWriter();
        var err = new StringWriter();
        String[] args = Stream.concat(Stream.of("--config", configFile.toString(), "remind"), Stream.of(arguments))
                .toArray(String[]::new);
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private long emlFiles() throws Exception {
        Path mail = folder.resolve("mail");
        if (!Files.exists(mail)) {
            return 0;
        }
        try (var files = Files.list(mail)) {
            return files.filter(path -> path.toString().endsWith(".eml")).count();
        }
    }

    @Test
    void remind_sends_owner_reminders_and_the_digest_once_and_a_second_run_sends_nothing() throws Exception {
        var first = remind("--at", "2026-11-30T08:00");
        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        // Anna: 1.1 (7 days, Monday 30 Nov is the 1.1 7-day point? no: 1 Dec) and 1.2 overdue; Erik: 14 days before 14 Dec → 1 Dec.
        assertThat(first.out()).contains("Skickade", "digest till koordinator@example.se (e-post)",
                "reminder till anna@example.se (e-post)");
        long files = emlFiles();
        assertThat(files).isEqualTo(2);

        var second = remind("--at", "2026-11-30T08:00");
        assertThat(second.exit()).isZero();
        assertThat(second.out()).contains("Köade 0 nya meddelanden.", "Skickade 0 meddelanden:");
        assertThat(emlFiles()).isEqualTo(files);

        var tuesday = remind("--at", "2026-12-01T08:00");
        assertThat(tuesday.out()).contains("reminder till anna@example.se", "reminder till erik@example.se");
        assertThat(emlFiles()).isEqualTo(4);
    }

    @Test
    void remind_and_the_digest_name_who_cannot_be_reminded_and_actions_without_owner_or_deadline() throws Exception {
        try (Planbot planbot = Fixtures.planbot(folder, Clock.systemUTC(), Map.of())) {
            var lars = Fixtures.person(planbot, "Lars Holm", null, null, PersonRole.OWNER);
            Fixtures.action(planbot, "8.1", lars, "2026-12-08");
            Fixtures.action(planbot, "8.2", null, "2026-11-20");
            planbot.plan().patchAction(Fixtures.action(planbot, "8.3", lars, "2026-12-20").id(),
                    new se.planbot.plan.ActionDraft(null, null, null, null, null, null, null, null, null, null, null),
                    java.util.Set.of("deadline"), null, "test");
        }
        var run = remind("--at", "2026-11-30T08:00");

        assertThat(run.out()).contains(
                "Kan inte påminnas, saknar e-postadress och Slack-id (1):\n  Lars Holm: 8.1, 8.3\n",
                "Åtgärder utan ansvarig (1):\n  8.2 Åtgärd 8.2: Ökad samverkan\n",
                "Åtgärder utan klart senast-datum (1):\n  8.3 Åtgärd 8.3: Ökad samverkan\n");
        String digest;
        try (var files = Files.list(folder.resolve("mail"))) {
            digest = files.filter(path -> path.toString().endsWith(".eml")).map(path -> {
                try {
                    var mail = new jakarta.mail.internet.MimeMessage(null, Files.newInputStream(path));
                    return mail.getSubject().contains("Veckosammanfattning") || mail.getSubject().contains("ammanfattning")
                            ? ((jakarta.mail.Multipart) mail.getContent()).getBodyPart(0).getContent().toString() : "";
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).filter(text -> !text.isEmpty()).findFirst().orElseThrow();
        }
        assertThat(digest).contains("Lars Holm: 8.1, 8.3", "8.2 Åtgärd 8.2: Ökad samverkan – ingen ansvarig, klar senast")
                .doesNotContain("– ,");
    }

    @Test
    void a_dry_run_prints_what_would_be_sent_and_changes_nothing() throws Exception {
        var dry = remind("--at", "2026-12-01T08:00", "--dry-run");
        assertThat(dry.exit()).isZero();
        assertThat(dry.out()).contains("Provkörning", "Skulle köa 2 meddelanden:", "Skulle skicka 2 meddelanden:",
                "reminder till erik@example.se");
        assertThat(emlFiles()).isZero();
        var real = remind("--at", "2026-12-01T08:00");
        assertThat(real.out()).contains("Köade 2 nya meddelanden.");
        assertThat(emlFiles()).isEqualTo(2);
    }

    @Test
    void a_failed_delivery_makes_remind_exit_non_zero() throws Exception {
        Files.writeString(configFile, Files.readString(configFile)
                + "mail.transport=smtp\nsmtp.host=127.0.0.1\nsmtp.port=1\nsmtp.timeout-seconds=2\n");
        var run = remind("--at", "2026-12-01T08:00");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("försöker igen");
    }

    @Test
    void slack_messages_queued_before_slack_was_turned_off_wait_and_remind_says_so() throws Exception {
        String withoutSlack = Files.readString(configFile);
        Files.writeString(configFile, withoutSlack
                + "slack.bot-token=xoxb-test\nslack.signing-secret=hemligt\nslack.api-url=http://127.0.0.1:1/api/\n");
        try (Planbot planbot = new Planbot(Fixtures.config(folder, Map.of()), Clock.systemUTC())) {
            var erik = planbot.plan().personByEmail("erik@example.se").orElseThrow();
            planbot.database().write(connection -> se.planbot.db.Jdbc.update(connection,
                    "update people set slack_user_id = 'U0ERIK' where id = ?", erik.id()));
        }
        var slackDown = remind("--at", "2026-12-01T08:00");
        assertThat(slackDown.out()).contains("försöker igen #2 reminder till U0ERIK (slack)");
        assertThat(slackDown.exit()).isEqualTo(1);

        Files.writeString(configFile, withoutSlack);
        var slackOff = remind("--at", "2026-12-01T08:00");
        assertThat(slackOff.out()).contains("1 meddelande väntar på kanalen slack");
        assertThat(slackOff.exit()).isZero();
    }

    @Test
    void a_bad_time_is_one_swedish_line_and_exit_two() {
        var run = remind("--at", "imorgon");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("'imorgon' är ingen tidpunkt; skriv t.ex. 2026-12-01T08:00");
    }

    @Test
    void serve_sweeps_at_start_up_and_the_dispatcher_writes_the_eml_files() throws Exception {
        var clock = TestClock.at("2026-12-01T08:00");
        try (Planbot planbot = new Planbot(Fixtures.config(folder, Map.of()), clock).start()) {
            for (int i = 0; i < 150 && emlFiles() < 2; i++) {
                Thread.sleep(100);
            }
            assertThat(emlFiles()).isEqualTo(2);
            assertThat(planbot.outboxAdmin().counts(planbot.dispatcher().channels()).pending()).isZero();
        }
    }
}
