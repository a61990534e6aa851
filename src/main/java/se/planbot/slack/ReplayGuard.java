package se.planbot.slack;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses a signature seen before. A captured request could otherwise be sent again within the
 * five minutes its timestamp is accepted; after that the timestamp check refuses it anyway, so
 * only signatures of the last few minutes are kept (in memory: at most a window's worth).
 */
final class ReplayGuard {

    private static final long KEEP_SECONDS = RequestSignature.MAX_SKEW_SECONDS * 2 + 10;

    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile long lastPrune;

    ReplayGuard(Clock clock) {
        this.clock = clock;
    }

    /** True the first time {@code signature} is offered. */
    boolean firstTime(String signature) {
        long now = clock.instant().getEpochSecond();
        if (now - lastPrune > 30) {
            lastPrune = now;
            seen.values().removeIf(at -> now - at > KEEP_SECONDS);
        }
        return seen.putIfAbsent(signature, now) == null;
    }
}
