package se.planbot.dialogs;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import se.planbot.reminders.SweepTask;
import se.planbot.reminders.WorkingDays;

/**
 * Reminds registered participants the working day before their dialog, from 08:00 (the sweep
 * runs every few minutes; a sweep that comes later that day or on a non-working day in between
 * still sends it, until the dialog starts). Seats taken after 08:00 that day need no reminder:
 * their confirmation just arrived. The key holds the dialog's date, so a moved dialog reminds anew.
 */
public final class RegistrationReminders implements SweepTask {

    static final LocalTime SEND_FROM = LocalTime.of(8, 0);
    private static final int LOOK_AHEAD_DAYS = 10;

    private final DialogMails mails;
    private final RegistrationStore registrations;
    private final DialogStore dialogs = new DialogStore();

    RegistrationReminders(DialogMails mails, RegistrationStore registrations) {
        this.mails = mails;
        this.registrations = registrations;
    }

    @Override
    public int runAsOf(Connection connection, ZonedDateTime now, WorkingDays workingDays) throws SQLException {
        int queued = 0;
        Instant from = now.toInstant();
        // Holidays can put the working day before up to a week and a half back (e.g. around Christmas).
        Instant to = now.plusDays(LOOK_AHEAD_DAYS).toInstant();
        for (Registration registration : registrations.registeredStarting(connection, from, to)) {
            Dialog dialog = dialogs.byId(connection, registration.dialogId()).orElseThrow();
            LocalDate day = dialog.startsAt().atZone(now.getZone()).toLocalDate();
            ZonedDateTime due = workingDays.before(day).atTime(SEND_FROM).atZone(now.getZone());
            if (now.isBefore(due) || !registration.createdAt().isBefore(due.toInstant())) {
                continue;
            }
            if (mails.toRegistrant(connection, "registration-reminder",
                    "registration-reminder:" + registration.id() + ":" + day, dialog, registration)) {
                queued++;
            }
        }
        return queued;
    }
}
