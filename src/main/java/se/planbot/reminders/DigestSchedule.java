package se.planbot.reminders;

import java.text.ParseException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;
import se.planbot.config.Config;

/**
 * The digest's cron ({@code reminders.digest-cron}) in {@code timezone}. Quartz does the firing;
 * this class answers "which digest is due now", so a digest missed while Planbot was down goes
 * out late (within a day) exactly once, and "since when" for completed actions.
 */
public final class DigestSchedule {

    /** A missed digest is still sent this long after its time; later, the next one will do. */
    static final Duration CATCH_UP = Duration.ofDays(1);
    private static final Duration LOOK_BACK = Duration.ofDays(8);

    private final CronExpression cron;
    private final ZoneId zone;

    public DigestSchedule(String expression, ZoneId zone) {
        this.cron = parse(expression, zone);
        this.zone = zone;
    }

    /**
     * Rejects a cron Quartz cannot read, and one that fires between 02:00 and 03:00, where
     * daylight-saving changes make a job run twice or never.
     */
    public static void check(String expression, ZoneId zone) {
        CronExpression cron = parse(expression, zone);
        Date after = Date.from(ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, zone).toInstant());
        for (int i = 0; i < 500; i++) {
            after = cron.getNextValidTimeAfter(after);
            if (after == null) {
                return;
            }
            if (after.toInstant().atZone(zone).getHour() == 2) {
                throw Config.invalid("reminders.digest-cron", expression,
                        "får inte köras mellan 02:00 och 03:00 (sommartidsomställningen hoppar över eller upprepar den timmen)");
            }
        }
    }

    private static CronExpression parse(String expression, ZoneId zone) {
        try {
            var cron = new CronExpression(expression);
            cron.setTimeZone(TimeZone.getTimeZone(zone));
            return cron;
        } catch (ParseException e) {
            throw Config.invalid("reminders.digest-cron", expression,
                    "är inget Quartz-cronuttryck (" + e.getMessage() + "); standard: 0 0 8 ? * MON");
        }
    }

    /** The digest time due at {@code now}: the latest fire time at or before now, if less than a day ago. */
    public Optional<ZonedDateTime> due(ZonedDateTime now) {
        return latestAtOrBefore(now, now.minus(CATCH_UP));
    }

    /** The fire time before {@code fire}, within eight days; else a week earlier. */
    public ZonedDateTime previous(ZonedDateTime fire) {
        return latestAtOrBefore(fire.minusNanos(1_000_000), fire.minus(LOOK_BACK)).orElse(fire.minusWeeks(1));
    }

    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        Date next = cron.getNextValidTimeAfter(Date.from(after.toInstant()));
        return Optional.ofNullable(next).map(date -> date.toInstant().atZone(zone));
    }

    private Optional<ZonedDateTime> latestAtOrBefore(ZonedDateTime now, ZonedDateTime notBefore) {
        ZonedDateTime latest = null;
        Date cursor = Date.from(notBefore.toInstant());
        while (true) {
            Date next = cron.getNextValidTimeAfter(cursor);
            if (next == null || next.toInstant().isAfter(now.toInstant())) {
                break;
            }
            latest = next.toInstant().atZone(zone);
            cursor = next;
        }
        return Optional.ofNullable(latest);
    }
}
