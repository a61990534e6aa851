package se.planbot.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import se.planbot.outbox.Channel;
import se.planbot.outbox.QueuedMessage;
import se.planbot.outbox.SendFailure;
import se.planbot.outbox.Sender;

/**
 * {@code smtp.max-per-minute}: at most that many messages in any 60 seconds (a sliding window,
 * as relays such as Microsoft 365 count their 30 a minute), across batches of this process. A
 * send that would be one too many waits until the oldest of the window is a minute old; the
 * wait (at most a minute) is far below the outbox's claim lease, so the claimed row stays ours.
 */
final class PacedSender implements Sender {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    /** How to wait (a sleep; a test moves its clock instead). */
    @FunctionalInterface
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Sender sender;
    private final int perMinute;
    private final Clock clock;
    private final Pause pause;
    private final ArrayDeque<Instant> window = new ArrayDeque<>();

    PacedSender(Sender sender, int perMinute, Clock clock, Pause pause) {
        this.sender = sender;
        this.perMinute = perMinute;
        this.clock = clock;
        this.pause = pause;
    }

    /** {@code sender} itself when {@code perMinute} is 0 (unlimited), else paced to it. */
    static Sender limit(Sender sender, int perMinute, Clock clock) {
        return perMinute == 0 ? sender : new PacedSender(sender, perMinute, clock,
                duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000));
    }

    @Override
    public Channel channel() {
        return sender.channel();
    }

    @Override
    public synchronized void send(QueuedMessage message) throws SendFailure {
        if (window.size() >= perMinute) {
            Duration wait = Duration.between(clock.instant(), window.removeFirst().plus(WINDOW));
            if (!wait.isNegative() && !wait.isZero()) {
                try {
                    pause.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw SendFailure.temporary("avbruten i väntan på smtp.max-per-minute", e);
                }
            }
        }
        try {
            sender.send(message);
        } finally {
            // A refused message counts too: the relay counted the attempt.
            window.addLast(clock.instant());
        }
    }

    @Override
    public void close() {
        sender.close();
    }
}
