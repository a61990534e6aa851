package se.planbot.slack;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Slack allows about one message per second to one channel; bursts get 429. The pacer makes a
 * send to a channel wait until {@code interval} has passed since the previous send there.
 */
final class ChannelPacer {

    private final long intervalNanos;
    private final Map<String, Long> nextAllowed = new HashMap<>();

    ChannelPacer(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    void await(String channel) throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long next = nextAllowed.getOrDefault(channel, now);
            long slot = Math.max(now, next);
            nextAllowed.put(channel, slot + intervalNanos);
            wait = slot - now;
            if (nextAllowed.size() > 10_000) {
                nextAllowed.values().removeIf(at -> at < now);
            }
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
