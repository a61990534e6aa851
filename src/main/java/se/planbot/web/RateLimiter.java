package se.planbot.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code permits} requests per {@code window} per key (the client's address and the
 * form), in memory: enough to stop one client from mail-bombing through subscribe or register.
 * A restart forgets the counts, which is acceptable for that purpose.
 */
final class RateLimiter {

    private static final int MAX_KEYS = 100_000;

    private final int permits;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> hits = new ConcurrentHashMap<>();

    RateLimiter(int permits, Duration window, Clock clock) {
        this.permits = permits;
        this.window = window;
        this.clock = clock;
    }

    /** Counts a request; false when the key has used its permits in the current window. */
    boolean allow(String key) {
        Instant now = clock.instant();
        Instant since = now.minus(window);
        if (hits.size() > MAX_KEYS) {
            hits.values().removeIf(times -> times.isEmpty() || times.peekLast().isBefore(since));
        }
        Deque<Instant> times = hits.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
                times.pollFirst();
            }
            if (times.size() >= permits) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    /** How long until the key may send again: until its oldest request in the window has left it. */
    Duration retryAfter(String key) {
        Deque<Instant> times = hits.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            Instant oldest = times.peekFirst();
            if (oldest == null || times.size() < permits) {
                return Duration.ZERO;
            }
            Duration left = Duration.between(clock.instant(), oldest.plus(window));
            return left.isNegative() ? Duration.ZERO : left;
        }
    }

    Duration window() {
        return window;
    }
}
