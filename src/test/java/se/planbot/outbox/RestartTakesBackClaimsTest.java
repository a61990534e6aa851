package se.planbot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.Fixtures;
import se.planbot.Planbot;
import se.planbot.db.Jdbc;

/**
 * Real processes on one database: {@code planbot remind} in its own JVM hangs mid-send on an SMTP
 * server that never answers. A second process beside it leaves that message alone; once the first
 * is killed with SIGKILL, the next start takes its claim back at once (no waiting out the lease)
 * and GreenMail receives every message exactly once.
 */
class RestartTakesBackClaimsTest {

    @TempDir
    Path folder;

    private final GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private final List<Socket> held = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        greenMail.stop();
        for (Socket socket : held) {
            socket.close();
        }
    }

    @Test
    void a_killed_senders_claim_is_taken_back_at_the_next_start_and_never_while_it_lives() throws Exception {
        greenMail.start();
        var toGreenMail = Map.of("mail.transport", "smtp", "smtp.host", "127.0.0.1",
                "smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
        try (Planbot planbot = Fixtures.planbot(folder, Clock.systemUTC(), toGreenMail)) {
            planbot.database().write(connection -> {
                for (int i = 1; i <= 3; i++) {
                    planbot.outbox().enqueue(connection, new OutgoingMessage("claim:" + i, Channel.EMAIL,
                            "person" + i + "@example.se", "Person " + i, "reminder",
                            Map.of("personName", "Person " + i, "date", "2026-12-01", "items", List.of()),
                            Locale.forLanguageTag("sv")));
                }
                return null;
            });
        }

        try (var blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread accept = new Thread(() -> {
                try {
                    while (true) {
                        held.add(blackHole.accept()); // accepted, never answered
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            accept.setDaemon(true);
            accept.start();
            Process hung = startRemind(blackHole.getLocalPort());
            try {
                for (int i = 0; i < 1200 && sending() == 0 && hung.isAlive(); i++) {
                    Thread.sleep(50);
                }
                assertThat(sending()).as("the child holds one claim").isEqualTo(1);

                // Beside the live child: the other two go out, the one it is sending stays its own.
                try (Planbot beside = new Planbot(Fixtures.config(folder, toGreenMail), Clock.systemUTC())) {
                    assertThat(beside.remind(false).deliveries()).hasSize(2);
                }
                assertThat(sending()).isEqualTo(1);
                assertThat(greenMail.getReceivedMessages()).hasSize(2);

                hung.destroyForcibly(); // SIGKILL
                assertThat(hung.waitFor(10, TimeUnit.SECONDS)).isTrue();
            } finally {
                hung.destroyForcibly();
            }
        }

        // The restart, at once and by the same clock: the dead process's claim is taken back and sent.
        try (Planbot restarted = new Planbot(Fixtures.config(folder, toGreenMail), Clock.systemUTC())) {
            var report = restarted.remind(false);
            assertThat(report.failed()).isFalse();
            assertThat(report.deliveries()).hasSize(1);
            assertThat(restarted.outboxAdmin().list(OutboxStatus.SENT)).hasSize(3);
        }
        var recipients = Arrays.stream(greenMail.getReceivedMessages())
                .map(message -> {
                    try {
                        return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
        assertThat(recipients).containsExactlyInAnyOrder("person1@example.se", "person2@example.se", "person3@example.se");
        if (!se.planbot.TestDatabase.postgres()) { // PostgreSQL: advisory locks, no files
            assertThat(Files.list(folder.resolve("planbot.db.boots")).toList()).as("no lock file is left behind").isEmpty();
        }
    }

    private Process startRemind(int smtpPort) throws Exception {
        Path configFile = folder.resolve("hung.properties");
        Files.writeString(configFile, String.join("\n",
                se.planbot.TestDatabase.configLines(folder.resolve("planbot.db")),
                "templates.dir=" + Path.of("templates").toAbsolutePath(),
                "public.base-url=https://planbot.alingsas.se",
                "mail.transport=smtp", "smtp.host=127.0.0.1", "smtp.port=" + smtpPort,
                "smtp.timeout-seconds=120", ""));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "se.planbot.Main",
                "--config", configFile.toString(), "remind")
                .redirectErrorStream(true).redirectOutput(folder.resolve("hung.log").toFile()).start();
    }

    private long sending() throws Exception {
        String url = se.planbot.TestDatabase.settings(folder.resolve("planbot.db"))
                .getOrDefault("db.url", "jdbc:sqlite:" + folder.resolve("planbot.db"));
        try (var connection = DriverManager.getConnection(url)) {
            return Jdbc.count(connection, "select count(*) from outbox where status = 'sending'");
        }
    }
}
