package se.planbot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.Fixtures;
import se.planbot.Planbot;
import se.planbot.mail.FakeSmtpServer;

/**
 * The real thing: {@code planbot remind} in its own JVM is killed with SIGKILL while sending a
 * batch; a second run on the same database delivers the rest. Every message arrives once, except
 * at most the one in flight at the kill.
 */
class KillMidBatchTest {

    @TempDir
    Path folder;

    @Test
    void a_kill_9_mid_batch_then_a_restart_delivers_everything_with_at_most_one_repeat() throws Exception {
        try (var server = new FakeSmtpServer("250 2.1.5 OK", false)) {
            server.dataReplyDelayMillis = 150;
            Path configFile = folder.resolve("planbot.properties");
            Files.writeString(configFile, String.join("\n",
                    "db.path=" + folder.resolve("planbot.db"),
                    "templates.dir=" + Path.of("templates").toAbsolutePath(),
                    "mail.transport=smtp", "smtp.host=127.0.0.1", "smtp.port=" + server.port(),
                    "smtp.timeout-seconds=5", ""));
            var overrides = Map.of("mail.transport", "smtp", "smtp.host", "127.0.0.1",
                    "smtp.port", String.valueOf(server.port()));
            int count = 12;
            try (Planbot planbot = Fixtures.planbot(folder, Clock.systemUTC(), overrides)) {
                planbot.database().write(connection -> {
                    for (int i = 1; i <= count; i++) {
                        planbot.outbox().enqueue(connection, new OutgoingMessage("kill:" + i, Channel.EMAIL,
                                "person" + i + "@example.se", "Person " + i, "reminder",
                                Map.of("personName", "Person " + i, "date", "2026-12-01", "items", List.of()),
                                Locale.forLanguageTag("sv")));
                    }
                    return null;
                });
            }

            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "se.planbot.Main",
                    "--config", configFile.toString(), "remind")
                    .redirectErrorStream(true).redirectOutput(folder.resolve("child.log").toFile()).start();
            for (int i = 0; i < 600 && server.messages.get() < 4 && child.isAlive(); i++) {
                Thread.sleep(50);
            }
            assertThat(child.isAlive()).as("the child is still sending when killed").isTrue();
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            int beforeRestart = server.messages.get();
            assertThat(beforeRestart).isBetween(4, count - 1);

            server.dataReplyDelayMillis = 0;
            // Restarted once the killed process's claim has expired (a live one could still be sending).
            Clock afterLease = Clock.offset(Clock.systemUTC(), Dispatcher.CLAIM_LEASE.plusMinutes(1));
            try (Planbot restarted = new Planbot(Fixtures.config(folder, overrides), afterLease)) {
                var report = restarted.remind(false);
                assertThat(report.failed()).isFalse();
                assertThat(restarted.outboxAdmin().list(OutboxStatus.SENT)).hasSize(count);
                assertThat(restarted.remind(false).deliveries()).isEmpty();
            }

            Map<String, Long> received = new ArrayList<>(server.recipients).stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(received).hasSize(count);
            assertThat(received.values().stream().filter(n -> n > 1).count()).isLessThanOrEqualTo(1);
            assertThat(received.values()).allMatch(n -> n <= 2);
        }
    }
}
