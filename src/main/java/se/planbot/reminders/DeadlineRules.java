package se.planbot.reminders;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When an action's owner is reminded of its deadline. Pure: only the deadline, the day and the
 * working-day calendar decide.
 *
 * <ul>
 *   <li>{@code reminders.deadline-days} before the deadline (default 14, 7, 1); a day that is a
 *       weekend or Swedish holiday becomes the working day before it;</li>
 *   <li>overdue: the first working day after the deadline, then every seven days (again moved to
 *       a working day);</li>
 *   <li>reminders go out on working days only; the one due on a day is the most recent point on or
 *       before it, so after downtime only the latest missed reminder is sent, never a backlog.</li>
 * </ul>
 */
public final class DeadlineRules {

    private final List<Integer> daysBefore;
    private final WorkingDays workingDays;

    public DeadlineRules(List<Integer> daysBefore, WorkingDays workingDays) {
        this.daysBefore = daysBefore.stream().distinct().sorted(Comparator.reverseOrder()).toList();
        this.workingDays = workingDays;
    }

    /** The points before the deadline, in order. Two offsets that land on one day keep the later one. */
    public List<ReminderPoint> before(LocalDate deadline) {
        var points = new ArrayList<ReminderPoint>();
        for (int days : daysBefore) {
            LocalDate day = workingDays.onOrBefore(deadline.minusDays(days));
            if (!points.isEmpty() && points.get(points.size() - 1).day().equals(day)) {
                points.remove(points.size() - 1);
            }
            points.add(new ReminderPoint("before:" + days, day, false));
        }
        return points;
    }

    /** The {@code index}-th overdue point: the working day after the deadline, then weekly. */
    public ReminderPoint overdue(LocalDate deadline, int index) {
        LocalDate first = workingDays.after(deadline);
        LocalDate day = index == 0 ? first : workingDays.onOrBefore(first.plusWeeks(index));
        return new ReminderPoint("overdue:" + index, day, true);
    }

    /** The reminder point due on {@code today} for this deadline, if today is a working day. */
    public Optional<ReminderPoint> due(LocalDate deadline, LocalDate today) {
        if (!workingDays.isWorkingDay(today)) {
            return Optional.empty();
        }
        if (today.isAfter(deadline)) {
            LocalDate first = workingDays.after(deadline);
            int index = (int) Math.max(0, ChronoUnit.WEEKS.between(first, today));
            // A holiday can pull the next weekly point a few days earlier, onto or before today.
            ReminderPoint next = overdue(deadline, index + 1);
            return Optional.of(next.day().isAfter(today) ? overdue(deadline, index) : next);
        }
        ReminderPoint latest = null;
        for (ReminderPoint point : before(deadline)) {
            if (!point.day().isAfter(today)) {
                latest = point;
            }
        }
        return Optional.ofNullable(latest);
    }
}
