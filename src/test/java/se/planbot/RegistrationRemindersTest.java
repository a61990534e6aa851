package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.reminders.WorkingDays;

/** The reminder to registered participants comes the working day before, from 08:00, once. */
class RegistrationRemindersTest {

    @TempDir
    Path folder;
    BusinessFixture app;
    final WorkingDays workingDays = new WorkingDays();

    @AfterEach
    void stop() {
        app.close();
    }

    private int sweepAt(String local) {
        return app.planbot.database().write(connection -> app.planbot.registrationReminders()
                .runAsOf(connection, BusinessFixture.at(local).atZone(BusinessFixture.STOCKHOLM), workingDays));
    }

    private void register(long dialog, String email) {
        var page = app.submit("/dialogs/" + dialog, "/dialogs/" + dialog + "/register", Map.of("name", "N", "email", email));
        assertThat(page.statusCode()).isEqualTo(200);
    }

    @Test
    void a_monday_dialog_is_reminded_on_friday() {
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"));
        long dialog = app.publishDialog("Måndagsdialog", "2026-12-14T09:00", "2026-12-14T10:00", null, "[]");
        register(dialog, "a@a.se");
        assertThat(sweepAt("2026-12-10T12:00")).isZero();
        assertThat(sweepAt("2026-12-11T07:45")).isZero();
        assertThat(sweepAt("2026-12-11T08:00")).isEqualTo(1);
        assertThat(sweepAt("2026-12-12T10:00")).isZero();
        assertThat(app.mails("a@a.se", "registration-reminder")).hasSize(1);
    }

    @Test
    void after_christmas_the_working_day_before_is_the_twenty_third() {
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"));
        // Monday 28 December 2026: 24th–27th are julafton, juldagen, annandag jul and a Sunday.
        long dialog = app.publishDialog("Mellandagsdialog", "2026-12-28T10:00", "2026-12-28T11:00", null, "[]");
        register(dialog, "b@b.se");
        assertThat(sweepAt("2026-12-22T09:00")).isZero();
        assertThat(sweepAt("2026-12-23T08:30")).isEqualTo(1);
    }

    @Test
    void a_missed_sweep_still_reminds_before_the_start_but_never_after_it_or_for_cancelled_seats() {
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"));
        long dialog = app.publishDialog("Dialog", "2026-12-10T09:00", "2026-12-10T10:00", null, "[]");
        register(dialog, "c@c.se");
        register(dialog, "d@d.se");
        String cancel = BusinessFixture.path(app.lastMail("d@d.se", "registration-confirm").get("cancelUrl").asText());
        app.submit(cancel, "/registrations/cancel", Map.of("token", cancel.substring(cancel.indexOf("token=") + 6)));
        assertThat(sweepAt("2026-12-10T08:50")).isEqualTo(1);
        assertThat(app.mails("d@d.se", "registration-reminder")).isEmpty();
        assertThat(sweepAt("2026-12-10T09:05")).isZero();
    }

    @Test
    void a_seat_taken_after_the_reminder_time_gets_no_separate_reminder() {
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-09T09:00"));
        long dialog = app.publishDialog("Dialog", "2026-12-10T09:00", "2026-12-10T10:00", null, "[]");
        register(dialog, "e@e.se");
        app.clock.advance(Duration.ofMinutes(5));
        assertThat(sweepAt("2026-12-09T09:05")).isZero();
    }
}
