package se.planbot.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.Fixtures;
import se.planbot.config.ConfigException;
import se.planbot.outbox.Channel;
import se.planbot.outbox.QueuedMessage;
import se.planbot.outbox.Sender;

/** smtp.max-per-minute: a sliding minute, honoured exactly, on a clock that moves only when we say. */
class PacedSenderTest {

    @TempDir
    Path folder;

    /** A clock that the pause moves forward, and a second each message takes to send. */
    private static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-12-01T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovingClock clock = new MovingClock();
    private final List<Instant> sentAt = new ArrayList<>();
    private final List<Duration> pauses = new ArrayList<>();
    private final Sender recording = new Sender() {
        @Override
        public Channel channel() {
            return Channel.EMAIL;
        }

        @Override
        public void send(QueuedMessage message) {
            sentAt.add(clock.now);
            clock.now = clock.now.plusMillis(100);
        }
    };

    private static QueuedMessage message(int n) {
        return new QueuedMessage(n, "k" + n, Channel.EMAIL, "a@example.se", "A", "reminder", Map.of(),
                Locale.ROOT, 0, Instant.EPOCH);
    }

    private PacedSender paced(int perMinute) {
        return new PacedSender(recording, perMinute, clock, duration -> {
            pauses.add(duration);
            clock.now = clock.now.plus(duration);
        });
    }

    @Test
    void the_31st_message_in_a_minute_waits_until_the_first_is_a_minute_old() throws Exception {
        var sender = paced(30);
        for (int i = 1; i <= 31; i++) {
            sender.send(message(i));
        }
        assertThat(pauses).hasSize(1);
        Instant firstDone = sentAt.get(0).plusMillis(100);
        assertThat(sentAt.get(30)).isEqualTo(firstDone.plus(Duration.ofMinutes(1)));
    }

    @Test
    void no_sixty_seconds_ever_hold_more_than_the_limit() throws Exception {
        var sender = paced(30);
        for (int i = 1; i <= 200; i++) {
            sender.send(message(i));
            if (i % 7 == 0) {
                clock.now = clock.now.plusSeconds(9);
            }
        }
        for (int i = 30; i < sentAt.size(); i++) {
            assertThat(Duration.between(sentAt.get(i - 30), sentAt.get(i))).as("message %d", i + 1)
                    .isGreaterThanOrEqualTo(Duration.ofMinutes(1).minusMillis(100));
        }
        assertThat(sentAt).hasSize(200);
    }

    @Test
    void a_quiet_minute_needs_no_wait() throws Exception {
        var sender = paced(2);
        sender.send(message(1));
        sender.send(message(2));
        clock.now = clock.now.plusSeconds(61);
        sender.send(message(3));
        assertThat(pauses).isEmpty();
    }

    @Test
    void unlimited_is_the_default_and_a_bad_value_names_the_key() {
        assertThat(MailSettings.from(Fixtures.config(folder, Map.of())).maxPerMinute()).isZero();
        assertThat(MailSettings.from(Fixtures.config(folder, Map.of("smtp.max-per-minute", "30"))).maxPerMinute())
                .isEqualTo(30);
        assertThat(PacedSender.limit(recording, 0, clock)).isSameAs(recording);
        assertThatThrownBy(() -> MailSettings.from(Fixtures.config(folder, Map.of("smtp.max-per-minute", "trettio"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("smtp.max-per-minute = 'trettio'")
                .hasMessageContaining("heltal");
    }
}
