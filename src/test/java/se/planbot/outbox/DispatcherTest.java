package se.planbot.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.Fixtures;
import se.planbot.Planbot;
import se.planbot.TestClock;
import se.planbot.mail.FakeSmtpServer;
import se.planbot.mail.MailComposer;
import se.planbot.mail.MailSettings;
import se.planbot.mail.MailTemplates;
import se.planbot.mail.SmtpMailSender;

/** The dispatcher against real SMTP servers: GreenMail, and a raw-socket fake for 5xx and dropped connections. */
class DispatcherTest {

    @TempDir
    Path folder;

    private final TestClock clock = TestClock.at("2026-12-01T08:00");
    private Planbot planbot;
    private GreenMail greenMail;

    @AfterEach
    void close() {
        if (planbot != null) {
            planbot.close();
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private GreenMail startGreenMail(int port) {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    private Planbot planbotSendingTo(int port) {
        planbot = Fixtures.planbot(folder, clock, Map.of("mail.transport", "smtp", "smtp.host", "127.0.0.1",
                "smtp.port", String.valueOf(port), "smtp.timeout-seconds", "5",
                "coordinator.email", "koordinator@example.se"));
        return planbot;
    }

    private long queue(String key, String recipient) {
        return planbot.database().write(connection -> {
            planbot.outbox().enqueue(connection, new OutgoingMessage(key, Channel.EMAIL, recipient, "Åsa Öberg",
                    "reminder", Map.of("personName", "Åsa Öberg", "date", "2026-12-01", "items", List.of()),
                    Locale.forLanguageTag("sv")));
            return planbot.outbox().lastId(connection);
        });
    }

    private OutboxEntry entry(long id) {
        return planbot.outboxAdmin().entry(id).orElseThrow();
    }

    @Test
    void a_queued_message_is_delivered_once_and_never_again() {
        startGreenMail(0);
        planbotSendingTo(greenMail.getSmtp().getPort());
        long id = queue("test:1", "asa@example.se");
        assertThat(planbot.dispatcher().dispatchDue()).extracting(Delivery::outcome).containsExactly(Delivery.Outcome.SENT);
        assertThat(planbot.dispatcher().dispatchDue()).isEmpty();
        clock.advance(Duration.ofDays(1));
        assertThat(planbot.dispatcher().dispatchDue()).isEmpty();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(entry(id).status()).isEqualTo(OutboxStatus.SENT);
        // Queuing the same key again is a no-op.
        queue("test:1", "asa@example.se");
        assertThat(planbot.dispatcher().dispatchDue()).isEmpty();
    }

    @Test
    void when_the_mail_server_is_down_the_message_waits_and_is_delivered_once_when_it_is_back() throws Exception {
        int port = freePort();
        planbotSendingTo(port);
        long first = queue("test:1", "asa@example.se");
        long second = queue("test:2", "bo@example.se");
        var deliveries = planbot.dispatcher().dispatchDue();
        // One probe per batch while the server is down, not one per message.
        assertThat(deliveries).extracting(Delivery::outcome).containsExactly(Delivery.Outcome.RETRY);
        assertThat(entry(first).nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(planbot.dispatcher().dispatchDue()).extracting(Delivery::id).containsExactly(second);
        assertThat(entry(second).attempts()).isEqualTo(1);

        startGreenMail(port);
        assertThat(planbot.dispatcher().dispatchDue()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(planbot.dispatcher().dispatchDue()).extracting(Delivery::outcome)
                .containsExactly(Delivery.Outcome.SENT, Delivery.Outcome.SENT);
        clock.advance(Duration.ofHours(2));
        assertThat(planbot.dispatcher().dispatchDue()).isEmpty();
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
    }

    @Test
    void retries_wait_longer_each_time_and_the_message_is_dead_after_the_maximum_age() throws Exception {
        planbotSendingTo(freePort());
        long id = queue("test:1", "asa@example.se");
        var waits = new java.util.ArrayList<Duration>();
        for (int attempt = 0; attempt < 200 && entry(id).status() == OutboxStatus.PENDING; attempt++) {
            planbot.dispatcher().dispatchDue();
            OutboxEntry row = entry(id);
            if (row.status() == OutboxStatus.PENDING) {
                waits.add(Duration.between(clock.instant(), row.nextAttemptAt()));
                clock.advance(Duration.between(clock.instant(), row.nextAttemptAt()));
            }
        }
        assertThat(waits.subList(0, 8)).extracting(Duration::toMinutes).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L);
        OutboxEntry dead = entry(id);
        assertThat(dead.status()).isEqualTo(OutboxStatus.DEAD);
        assertThat(Duration.between(dead.createdAt(), dead.deadAt())).isEqualTo(Duration.ofHours(72));
        assertThat(dead.lastError()).contains("127.0.0.1");
    }

    @Test
    void a_permanent_rejection_is_dead_at_once_and_the_coordinator_gets_one_notice_that_day() throws Exception {
        try (var server = new FakeSmtpServer("550 5.1.1 <nobody@example.se>: no such user", false)) {
            planbotSendingTo(server.port());
            long id = queue("test:1", "nobody@example.se");
            assertThat(planbot.dispatcher().dispatchDue()).extracting(Delivery::outcome)
                    .containsExactly(Delivery.Outcome.DEAD);
            assertThat(entry(id).status()).isEqualTo(OutboxStatus.DEAD);
            assertThat(entry(id).attempts()).isEqualTo(1);
            assertThat(entry(id).lastError()).contains("550");

            var now = java.time.ZonedDateTime.now(clock.withZone(TestClock.STOCKHOLM));
            var notices = planbot.sweep().run(now).queued();
            assertThat(notices).extracting(QueuedMessage::template, QueuedMessage::recipient)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("outbox-dead", "koordinator@example.se"));
            assertThat(notices.get(0).model()).containsEntry("count", 1);
            // The notice bounces too: it dies, but is never itself reported, and no second notice that day.
            planbot.dispatcher().dispatchDue();
            long another = queue("test:2", "nobody2@example.se");
            planbot.dispatcher().dispatchDue();
            assertThat(entry(another).status()).isEqualTo(OutboxStatus.DEAD);
            assertThat(planbot.sweep().run(now).queued()).isEmpty();
            var tomorrow = planbot.sweep().run(now.plusDays(1)).queued();
            assertThat(tomorrow).hasSize(1);
            assertThat(tomorrow.get(0).model().get("items").toString()).contains("nobody2@example.se")
                    .doesNotContain("nobody@example.se,");
        }
    }

    @Test
    void one_connection_carries_a_whole_batch() throws Exception {
        try (var server = new FakeSmtpServer("250 2.1.5 OK", false)) {
            planbotSendingTo(server.port());
            for (int i = 0; i < 5; i++) {
                queue("test:" + i, "person" + i + "@example.se");
            }
            assertThat(planbot.dispatcher().dispatchDue()).hasSize(5)
                    .allMatch(delivery -> delivery.outcome() == Delivery.Outcome.SENT);
            assertThat(server.messages.get()).isEqualTo(5);
            assertThat(server.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void a_dropped_connection_is_reopened_and_every_message_still_goes_once() throws Exception {
        try (var server = new FakeSmtpServer("250 2.1.5 OK", true)) {
            planbotSendingTo(server.port());
            for (int i = 0; i < 4; i++) {
                queue("test:" + i, "person" + i + "@example.se");
            }
            assertThat(planbot.dispatcher().dispatchDue()).extracting(Delivery::outcome).containsOnly(Delivery.Outcome.SENT);
            assertThat(server.messages.get()).isEqualTo(4);
            assertThat(server.connections.get()).isEqualTo(4);
        }
    }

    /** Stands in for kill -9: delivers through real SMTP, then the process "dies" before the result is committed. */
    private static final class DyingSender implements Sender {
        private final Sender real;
        private final int dieAfter;
        private int sent;

        DyingSender(Sender real, int dieAfter) {
            this.real = real;
            this.dieAfter = dieAfter;
        }

        @Override
        public Channel channel() {
            return real.channel();
        }

        @Override
        public void send(QueuedMessage message) throws SendFailure {
            real.send(message);
            if (++sent == dieAfter) {
                throw new Killed();
            }
        }

        @Override
        public void close() {
            real.close();
        }
    }

    private static final class Killed extends Error {
    }

    @Test
    void a_restart_after_a_kill_between_send_and_commit_repeats_at_most_the_message_in_flight() {
        startGreenMail(0);
        planbotSendingTo(greenMail.getSmtp().getPort());
        for (int i = 1; i <= 5; i++) {
            queue("test:" + i, "person" + i + "@example.se");
        }
        var settings = MailSettings.from(Fixtures.config(folder, Map.of())).withSmtp("127.0.0.1", greenMail.getSmtp().getPort());
        var composer = new MailComposer(new MailTemplates(Path.of("templates")), settings, clock);
        var dying = new Dispatcher(planbot.database(), List.of(new DyingSender(new SmtpMailSender(settings, composer), 3)),
                clock, Duration.ofHours(72));
        assertThatThrownBy(dying::dispatchDue).isInstanceOf(Killed.class);
        assertThat(planbot.outboxAdmin().list(OutboxStatus.SENDING)).extracting(OutboxEntry::key).containsExactly("test:3");

        // "Restart": a new dispatcher on the same database leaves the row alone while another
        // process could still be sending it, then recovers it once the claim's lease has run out.
        var restarted = new Dispatcher(planbot.database(), List.of(new SmtpMailSender(settings, composer)), clock,
                Duration.ofHours(72));
        assertThat(restarted.recoverInterrupted()).isZero();
        clock.advance(Dispatcher.CLAIM_LEASE.plusSeconds(1));
        assertThat(restarted.recoverInterrupted()).isEqualTo(1);
        assertThat(restarted.dispatchDue()).hasSize(3);
        assertThat(restarted.dispatchDue()).isEmpty();

        var recipients = Arrays.stream(greenMail.getReceivedMessages()).map(DispatcherTest::to).toList();
        assertThat(recipients).containsExactlyInAnyOrder("person1@example.se", "person2@example.se",
                "person3@example.se", "person3@example.se", "person4@example.se", "person5@example.se");
        var ids = Arrays.stream(greenMail.getReceivedMessages()).filter(m -> to(m).equals("person3@example.se"))
                .map(DispatcherTest::messageId).distinct().toList();
        assertThat(ids).as("the repeat carries the same Message-ID, so mail clients can drop it").hasSize(1);
    }

    private static String to(MimeMessage message) {
        try {
            return ((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
