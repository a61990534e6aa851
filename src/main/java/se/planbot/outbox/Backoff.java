package se.planbot.outbox;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try a failed message again: about one minute after the first failure, doubling up to
 * one hour, and never later than the end of its maximum age, so that the last attempt happens
 * right at the limit. After that the message is dead.
 */
final class Backoff {

    static final Duration FIRST = Duration.ofMinutes(1);
    static final Duration LONGEST = Duration.ofHours(1);
    private static final Duration SHORTEST = Duration.ofSeconds(1);

    private final Duration maxAge;

    Backoff(Duration maxAge) {
        this.maxAge = maxAge;
    }

    /** The wait after the {@code failures}-th failure (1 → 1 min, 2 → 2 min, … capped at 1 h). */
    static Duration wait(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 10));
        Duration wait = FIRST.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
    }

    /** True when a message whose age counts from {@code ageFrom} has failed for too long. */
    boolean expired(Instant ageFrom, Instant now) {
        return !now.isBefore(ageFrom.plus(maxAge));
    }

    /** The next attempt: after the receiver's wait if it gave one, else the doubling wait. */
    Instant next(int failures, Duration requested, Instant ageFrom, Instant now) {
        Duration wait = requested != null ? requested : wait(failures);
        if (wait.compareTo(SHORTEST) < 0) {
            wait = SHORTEST;
        }
        Instant next = now.plus(wait);
        Instant limit = ageFrom.plus(maxAge);
        return next.isAfter(limit) ? limit : next;
    }
}
