package se.planbot.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.Fixtures;
import se.planbot.Planbot;
import se.planbot.TestClock;
import se.planbot.outbox.Channel;
import se.planbot.outbox.OutgoingMessage;
import se.planbot.outbox.QueuedMessage;
import se.planbot.plan.ActionStatus;
import se.planbot.plan.Person;
import se.planbot.plan.PersonRole;

/** The reminder sweep on a real database, at chosen moments. */
class ReminderSweepTest {

    @TempDir
    Path folder;

    private final TestClock clock = TestClock.at("2026-11-20T08:00");
    private Planbot planbot;

    private Planbot planbot(Map<String, String> overrides) {
        planbot = Fixtures.planbot(folder, clock, overrides);
        return planbot;
    }

    @AfterEach
    void close() {
        if (planbot != null) {
            planbot.close();
        }
    }

    private List<QueuedMessage> sweepAt(String stockholmTime) {
        clock.set(stockholmTime);
        return planbot.sweep().run(ZonedDateTime.of(LocalDateTime.parse(stockholmTime), TestClock.STOCKHOLM)).queued();
    }

    @Test
    void reminder_is_sent_once_for_action_due_in_seven_days() {
        planbot(Map.of());
        Person anna = Fixtures.person(planbot, "Anna Milsta", "anna@example.se", null, PersonRole.OWNER);
        var action = Fixtures.action(planbot, "2.3", anna, "2026-12-08");

        var first = sweepAt("2026-12-01T08:00");
        assertThat(first).hasSize(1);
        QueuedMessage message = first.get(0);
        assertThat(message.template()).isEqualTo("reminder");
        assertThat(message.channel()).isEqualTo(Channel.EMAIL);
        assertThat(message.recipient()).isEqualTo("anna@example.se");
        assertThat(message.key()).isEqualTo("reminder:" + anna.id() + ":2026-12-01");
        assertThat(message.model()).containsEntry("personName", "Anna Milsta").containsEntry("date", "2026-12-01");
        @SuppressWarnings("unchecked")
        var item = ((List<Map<String, Object>>) message.model().get("items")).get(0);
        assertThat(item).containsEntry("actionId", (int) action.id()).containsEntry("code", "2.3")
                .containsEntry("deadline", "2026-12-08").containsEntry("daysLeft", 7).containsEntry("overdue", false)
                .containsEntry("daysOverdue", 0).containsEntry("status", "in_progress").containsEntry("progress", 30)
                .containsEntry("url", "https://planbot.alingsas.se/plan/actions/" + action.id());

        assertThat(sweepAt("2026-12-01T08:15")).isEmpty();
        assertThat(sweepAt("2026-12-02T08:00")).isEmpty();
    }

    @Test
    void one_message_per_person_per_day_lists_all_their_actions_due_for_a_reminder() {
        planbot(Map.of());
        Person anna = Fixtures.person(planbot, "Anna", "anna@example.se", null, PersonRole.OWNER);
        Person erik = Fixtures.person(planbot, "Erik", "erik@example.se", null, PersonRole.OWNER);
        var a = Fixtures.action(planbot, "1.1", anna, "2026-12-08");
        var b = Fixtures.action(planbot, "1.2", anna, "2026-11-30");
        Fixtures.action(planbot, "1.3", erik, "2027-03-01");

        var messages = sweepAt("2026-12-01T08:00");
        assertThat(messages).hasSize(1);
        assertThat(Fixtures.itemIds(messages.get(0), "items")).containsExactly((int) b.id(), (int) a.id());
    }

    @Test
    void a_point_that_falls_due_after_todays_message_waits_for_the_next_working_day() {
        planbot(Map.of());
        Person anna = Fixtures.person(planbot, "Anna", "anna@example.se", null, PersonRole.OWNER);
        Fixtures.action(planbot, "1.1", anna, "2026-12-08");
        assertThat(sweepAt("2026-12-01T08:00")).hasSize(1);
        var late = Fixtures.action(planbot, "1.2", anna, "2026-12-03");
        assertThat(sweepAt("2026-12-01T14:00")).isEmpty();
        var next = sweepAt("2026-12-02T08:00");
        assertThat(next).hasSize(1);
        assertThat(Fixtures.itemIds(next.get(0), "items")).containsExactly((int) late.id());
    }

    @Test
    void after_downtime_over_the_seven_and_one_day_points_only_one_reminder_goes_out() {
        planbot(Map.of());
        Person anna = Fixtures.person(planbot, "Anna", "anna@example.se", null, PersonRole.OWNER);
        Fixtures.action(planbot, "1.1", anna, "2026-12-08");
        assertThat(sweepAt("2026-11-24T08:00")).hasSize(1);
        // Down from 25 November to 7 December.
        var back = sweepAt("2026-12-07T09:00");
        assertThat(back).hasSize(1);
        assertThat(sweepAt("2026-12-07T09:15")).isEmpty();
        assertThat(sweepAt("2026-12-08T08:00")).isEmpty();
    }

    @Test
    void a_moved_deadline_gets_its_own_reminders_and_done_stops_them() {
        planbot(Map.of());
        Person anna = Fixtures.person(planbot, "Anna", "anna@example.se", null, PersonRole.OWNER);
        var action = Fixtures.action(planbot, "1.1", anna, "2026-12-08");
        assertThat(sweepAt("2026-12-01T08:00")).hasSize(1);
        clock.set("2026-12-02T10:00");
        Fixtures.setDeadline(planbot, action, "2026-12-15");
        // The old deadline's 1-day reminder (7 Dec) is gone; the new deadline's points count instead:
        // its 14-day point (1 Dec) is the latest on 7 Dec, so it goes out late, then the 7-day one.
        var late = sweepAt("2026-12-07T08:00");
        assertThat(late).hasSize(1);
        assertThat(late.get(0).model().get("items").toString()).contains("deadline=2026-12-15", "daysLeft=8");
        var moved = sweepAt("2026-12-08T08:00");
        assertThat(moved).hasSize(1);
        assertThat(moved.get(0).model().get("items").toString()).contains("deadline=2026-12-15", "daysLeft=7");
        Fixtures.setStatus(planbot, action, ActionStatus.DONE);
        assertThat(sweepAt("2026-12-14T08:00")).isEmpty();
        assertThat(sweepAt("2026-12-16T08:00")).isEmpty();
    }

    @Test
    void cancelled_actions_get_no_overdue_reminders_while_open_ones_get_them_weekly() {
        planbot(Map.of());
        Person anna = Fixtures.person(planbot, "Anna", "anna@example.se", null, PersonRole.OWNER);
        var open = Fixtures.action(planbot, "1.1", anna, "2026-12-04");
        var cancelled = Fixtures.action(planbot, "1.2", anna, "2026-12-04");
        Fixtures.setStatus(planbot, cancelled, ActionStatus.CANCELLED);
        var first = sweepAt("2026-12-07T08:00");
        assertThat(first).hasSize(1);
        assertThat(Fixtures.itemIds(first.get(0), "items")).containsExactly((int) open.id());
        assertThat(first.get(0).model().get("items").toString()).contains("overdue=true", "daysOverdue=3");
        assertThat(sweepAt("2026-12-08T08:00")).isEmpty();
        assertThat(sweepAt("2026-12-14T08:00")).hasSize(1);
    }

    @Test
    void owners_with_a_slack_id_get_their_reminder_in_slack_when_slack_is_on() {
        planbot(Map.of("slack.bot-token", "xoxb-test", "slack.signing-secret", "secret"));
        Person anna = Fixtures.person(planbot, "Anna", "anna@example.se", "U012AB3CD", PersonRole.OWNER);
        Person erik = Fixtures.person(planbot, "Erik", "erik@example.se", null, PersonRole.OWNER);
        Person nobody = Fixtures.person(planbot, "Ingen Adress", null, null, PersonRole.OWNER);
        Fixtures.action(planbot, "1.1", anna, "2026-12-08");
        Fixtures.action(planbot, "1.2", erik, "2026-12-08");
        Fixtures.action(planbot, "1.3", nobody, "2026-12-08");
        var messages = sweepAt("2026-12-01T08:00");
        assertThat(messages).extracting(QueuedMessage::channel, QueuedMessage::recipient).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Channel.SLACK, "U012AB3CD"),
                org.assertj.core.groups.Tuple.tuple(Channel.EMAIL, "erik@example.se"));
    }

    @Test
    void with_slack_off_or_email_chosen_owners_are_reminded_by_email() {
        planbot(Map.of("slack.bot-token", "xoxb-test", "slack.signing-secret", "secret", "slack.reminders", "email"));
        Person anna = Fixtures.person(planbot, "Anna", "anna@example.se", "U012AB3CD", PersonRole.OWNER);
        Fixtures.action(planbot, "1.1", anna, "2026-12-08");
        assertThat(sweepAt("2026-12-01T08:00")).extracting(QueuedMessage::channel).containsExactly(Channel.EMAIL);
    }

    @Test
    void the_coordinator_digest_goes_out_once_at_its_time_with_overdue_upcoming_and_completed() {
        planbot(Map.of("slack.bot-token", "xoxb-test", "slack.signing-secret", "secret",
                "slack.coordinator-channel", "C0123", "slack.reminders", "email"));
        Fixtures.person(planbot, "Koordinator", "koordinator@example.se", null, PersonRole.COORDINATOR);
        Person anna = Fixtures.person(planbot, "Anna", "anna@example.se", null, PersonRole.OWNER);
        var overdue = Fixtures.action(planbot, "1.1", anna, "2026-11-20");
        var upcoming = Fixtures.action(planbot, "1.2", anna, "2026-12-10");
        Fixtures.action(planbot, "1.3", anna, "2027-06-01");
        var done = Fixtures.action(planbot, "1.4", anna, "2026-12-20");
        clock.set("2026-11-25T10:00");
        Fixtures.setStatus(planbot, done, ActionStatus.DONE);

        assertThat(sweepAt("2026-11-30T07:59")).noneMatch(message -> message.template().equals("digest"));
        var digests = sweepAt("2026-11-30T08:00").stream().filter(m -> m.template().equals("digest")).toList();
        assertThat(digests).extracting(QueuedMessage::channel, QueuedMessage::recipient).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Channel.EMAIL, "koordinator@example.se"),
                org.assertj.core.groups.Tuple.tuple(Channel.SLACK, "C0123"));
        QueuedMessage digest = digests.get(0);
        assertThat(digest.model()).containsEntry("week", "2026-W49").containsEntry("date", "2026-11-30");
        assertThat(Fixtures.itemIds(digest, "overdue")).containsExactly((int) overdue.id());
        assertThat(Fixtures.itemIds(digest, "upcoming")).containsExactly((int) upcoming.id());
        assertThat(Fixtures.itemIds(digest, "completed")).containsExactly((int) done.id());

        assertThat(sweepAt("2026-11-30T12:00")).noneMatch(message -> message.template().equals("digest"));
        assertThat(sweepAt("2026-12-01T09:00")).noneMatch(message -> message.template().equals("digest"));
    }

    @Test
    void every_sweep_task_runs_in_the_sweep_and_its_keys_make_it_once() {
        planbot(Map.of());
        SweepTask dialogs = (connection, now, workingDays) -> planbot.outbox().enqueue(connection,
                new OutgoingMessage("dialog:7:" + now.toLocalDate(), Channel.EMAIL, "foretag@example.se", "Företag AB",
                        "reminder", Map.of("personName", "Företag AB", "date", now.toLocalDate().toString(),
                        "items", List.of()), java.util.Locale.forLanguageTag("sv"))) ? 1 : 0;
        var sweep = new ReminderSweep(planbot.database(), planbot.outbox(), new WorkingDays(), List.of(dialogs));
        var now = ZonedDateTime.of(LocalDateTime.parse("2026-12-01T08:00"), TestClock.STOCKHOLM);
        assertThat(sweep.run(now).queued()).extracting(QueuedMessage::key).containsExactly("dialog:7:2026-12-01");
        assertThat(sweep.run(now).queued()).isEmpty();
    }

    @Test
    void a_dry_run_shows_what_would_be_queued_and_changes_nothing() {
        planbot(Map.of());
        Person anna = Fixtures.person(planbot, "Anna", "anna@example.se", null, PersonRole.OWNER);
        Fixtures.action(planbot, "1.1", anna, "2026-12-08");
        var now = ZonedDateTime.of(LocalDateTime.parse("2026-12-01T08:00"), TestClock.STOCKHOLM);
        clock.set("2026-12-01T08:00");
        var preview = planbot.sweep().preview(now, planbot.dispatcher().channels());
        assertThat(preview.queued()).hasSize(1);
        assertThat(preview.due()).hasSize(1);
        assertThat(planbot.sweep().run(now).queued()).hasSize(1);
    }
}
