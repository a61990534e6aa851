package se.planbot.reminders;

import java.time.LocalDate;

/**
 * One moment an action's owner is reminded of a deadline: {@code before:7} (seven days before,
 * moved to a working day) or {@code overdue:0}, {@code overdue:1}, … (the working day after the
 * deadline, then weekly).
 */
public record ReminderPoint(String id, LocalDate day, boolean overdue) {
}
