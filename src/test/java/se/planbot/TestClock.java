package se.planbot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests set and move by hand; time only passes when a test says so. */
public final class TestClock extends Clock {

    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private volatile Instant now;

    public TestClock(Instant now) {
        this.now = now;
    }

    /** {@code 2026-12-01T08:00} in Stockholm. */
    public static TestClock at(String stockholmTime) {
        return new TestClock(LocalDateTime.parse(stockholmTime).atZone(STOCKHOLM).toInstant());
    }

    public void set(String stockholmTime) {
        now = LocalDateTime.parse(stockholmTime).atZone(STOCKHOLM).toInstant();
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return TestClock.this.withZone(other);
            }

            @Override
            public Instant instant() {
                return TestClock.this.instant();
            }
        };
    }
}
