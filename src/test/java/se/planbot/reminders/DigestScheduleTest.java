package se.planbot.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.spi.OperableTrigger;
import se.planbot.config.ConfigException;

/** The digest trigger asked for its fire times (never waited for) around the daylight-saving changes. */
class DigestScheduleTest {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private static List<ZonedDateTime> fireTimes(String cron, String from, String to) {
        CronTrigger trigger = ReminderScheduler.digestTrigger(cron, STOCKHOLM);
        Instant end = LocalDateTime.parse(to).atZone(STOCKHOLM).toInstant();
        ((OperableTrigger) trigger).setStartTime(Date.from(LocalDateTime.parse(from).atZone(STOCKHOLM).toInstant()));
        var times = new ArrayList<ZonedDateTime>();
        Date after = Date.from(LocalDateTime.parse(from).atZone(STOCKHOLM).toInstant());
        while (true) {
            after = trigger.getFireTimeAfter(after);
            if (after == null || after.toInstant().isAfter(end)) {
                return times;
            }
            times.add(after.toInstant().atZone(STOCKHOLM));
        }
    }

    @Test
    void the_monday_digest_fires_at_eight_local_time_on_both_sides_of_the_spring_change() {
        // Summer time starts Sunday 28 March 2027 at 02:00.
        var times = fireTimes("0 0 8 ? * MON", "2027-03-20T00:00", "2027-04-06T00:00");
        assertThat(times).extracting(ZonedDateTime::toLocalDateTime).containsExactly(
                LocalDateTime.parse("2027-03-22T08:00"), LocalDateTime.parse("2027-03-29T08:00"),
                LocalDateTime.parse("2027-04-05T08:00"));
        assertThat(times.get(0).getOffset().getTotalSeconds()).isEqualTo(3600);
        assertThat(times.get(1).getOffset().getTotalSeconds()).isEqualTo(7200);
    }

    @Test
    void a_daily_eight_oclock_job_fires_exactly_once_on_each_change_day() {
        var spring = fireTimes("0 0 8 * * ?", "2027-03-27T00:00", "2027-03-29T23:59");
        assertThat(spring).extracting(ZonedDateTime::toLocalDateTime).containsExactly(
                LocalDateTime.parse("2027-03-27T08:00"), LocalDateTime.parse("2027-03-28T08:00"),
                LocalDateTime.parse("2027-03-29T08:00"));
        // Winter time returns Sunday 25 October 2026 at 03:00.
        var autumn = fireTimes("0 0 8 * * ?", "2026-10-24T00:00", "2026-10-26T23:59");
        assertThat(autumn).extracting(ZonedDateTime::toLocalDateTime).containsExactly(
                LocalDateTime.parse("2026-10-24T08:00"), LocalDateTime.parse("2026-10-25T08:00"),
                LocalDateTime.parse("2026-10-26T08:00"));
    }

    @Test
    void why_jobs_stay_out_of_two_to_three_a_job_at_half_past_two_is_skipped_in_spring() {
        var spring = fireTimes("0 30 2 * * ?", "2027-03-27T00:00", "2027-03-29T23:59");
        assertThat(spring).extracting(time -> time.toLocalDate().toString())
                .doesNotContain("2027-03-28");
    }

    @Test
    void a_digest_cron_between_two_and_three_is_refused_with_a_swedish_message() {
        assertThatThrownBy(() -> DigestSchedule.check("0 30 2 ? * MON", STOCKHOLM))
                .isInstanceOf(ConfigException.class).hasMessageContaining("reminders.digest-cron")
                .hasMessageContaining("02:00 och 03:00");
        assertThatThrownBy(() -> DigestSchedule.check("every monday", STOCKHOLM))
                .isInstanceOf(ConfigException.class).hasMessageContaining("är inget Quartz-cronuttryck");
    }

    @Test
    void the_digest_is_due_at_its_time_and_caught_up_within_a_day_but_not_later() {
        var schedule = new DigestSchedule("0 0 8 ? * MON", STOCKHOLM);
        ZonedDateTime monday = LocalDateTime.parse("2026-11-30T08:00").atZone(STOCKHOLM);
        assertThat(schedule.due(monday)).contains(monday);
        assertThat(schedule.due(monday.minusMinutes(1))).isEmpty();
        assertThat(schedule.due(monday.plusHours(23))).contains(monday);
        assertThat(schedule.due(monday.plusHours(25))).isEmpty();
        assertThat(schedule.previous(monday)).isEqualTo(monday.minusWeeks(1));
    }
}
