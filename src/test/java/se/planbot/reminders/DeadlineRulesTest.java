package se.planbot.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlineRulesTest {

    private final DeadlineRules rules = new DeadlineRules(List.of(14, 7, 1), new WorkingDays());

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void reminders_fall_14_7_and_1_days_before_a_deadline_on_a_tuesday() {
        assertThat(rules.before(date("2026-12-08"))).extracting(ReminderPoint::id, ReminderPoint::day).containsExactly(
                org.assertj.core.groups.Tuple.tuple("before:14", date("2026-11-24")),
                org.assertj.core.groups.Tuple.tuple("before:7", date("2026-12-01")),
                org.assertj.core.groups.Tuple.tuple("before:1", date("2026-12-07")));
    }

    @Test
    void a_reminder_that_falls_on_a_sunday_goes_out_the_friday_before() {
        // Deadline Monday 14 December: one day before is Sunday 13th.
        assertThat(rules.before(date("2026-12-14"))).extracting(ReminderPoint::day)
                .containsExactly(date("2026-11-30"), date("2026-12-07"), date("2026-12-11"));
    }

    @Test
    void a_reminder_over_easter_goes_out_on_the_thursday_before_good_friday() {
        // Deadline Tuesday after Easter 2027: the day before is Easter Monday (29 March); Easter
        // Sunday, Saturday and Good Friday (26 March) are not working days either.
        assertThat(rules.due(date("2027-03-30"), date("2027-03-25"))).get()
                .extracting(ReminderPoint::id).isEqualTo("before:1");
        assertThat(rules.before(date("2027-03-30")).get(2).day()).isEqualTo(date("2027-03-25"));
        assertThat(rules.due(date("2027-03-30"), date("2027-03-26"))).isEmpty();
        assertThat(rules.due(date("2027-03-30"), date("2027-03-29"))).isEmpty();
    }

    @Test
    void a_reminder_over_midsummer_goes_out_before_midsummer_eve() {
        // Deadline Monday 22 June 2026: Sunday, Midsummer Day (Sat 20) and Midsummer Eve (Fri 19) are off.
        assertThat(rules.before(date("2026-06-22")).get(2).day()).isEqualTo(date("2026-06-18"));
    }

    @Test
    void overdue_reminders_go_out_the_working_day_after_the_deadline_and_then_weekly() {
        LocalDate friday = date("2026-12-04");
        assertThat(rules.due(friday, date("2026-12-04"))).get().extracting(ReminderPoint::id).isEqualTo("before:1");
        assertThat(rules.due(friday, date("2026-12-07"))).get()
                .isEqualTo(new ReminderPoint("overdue:0", date("2026-12-07"), true));
        assertThat(rules.due(friday, date("2026-12-11"))).get().extracting(ReminderPoint::id).isEqualTo("overdue:0");
        assertThat(rules.due(friday, date("2026-12-14"))).get()
                .isEqualTo(new ReminderPoint("overdue:1", date("2026-12-14"), true));
        assertThat(rules.due(friday, date("2027-01-11"))).get().extracting(ReminderPoint::id).isEqualTo("overdue:5");
    }

    @Test
    void the_first_overdue_reminder_after_christmas_waits_for_the_first_working_day() {
        // Deadline 23 Dec 2026; 24 (julafton) and 25 (juldagen) are off, then a weekend.
        assertThat(rules.overdue(date("2026-12-23"), 0).day()).isEqualTo(date("2026-12-28"));
        assertThat(rules.due(date("2026-12-23"), date("2026-12-24"))).isEmpty();
    }

    @Test
    void after_downtime_only_the_most_recent_missed_reminder_is_due() {
        LocalDate deadline = date("2026-12-08");
        // Down from before the 7-day point (1 Dec) until the 1-day point (7 Dec): one reminder, the 1-day one.
        assertThat(rules.due(deadline, date("2026-12-07"))).get().extracting(ReminderPoint::id).isEqualTo("before:1");
        // Back on 3 Dec: the 7-day reminder is still the latest, so it goes out late.
        assertThat(rules.due(deadline, date("2026-12-03"))).get().extracting(ReminderPoint::id).isEqualTo("before:7");
    }

    @Test
    void nothing_is_due_before_the_first_point_or_on_a_weekend() {
        assertThat(rules.due(date("2026-12-08"), date("2026-11-23"))).isEmpty();
        assertThat(rules.due(date("2026-12-08"), date("2026-12-05"))).isEmpty();
    }

    @Test
    void two_offsets_on_the_same_working_day_make_one_point() {
        var close = new DeadlineRules(List.of(2, 1), new WorkingDays());
        // Deadline Monday: 2 days before is Saturday, 1 day before Sunday: both become Friday.
        assertThat(close.before(date("2026-12-14"))).extracting(ReminderPoint::id).containsExactly("before:1");
    }
}
