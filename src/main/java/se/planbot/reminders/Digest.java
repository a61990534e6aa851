package se.planbot.reminders;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planbot.outbox.Channel;
import se.planbot.outbox.Outbox;
import se.planbot.outbox.OutgoingMessage;
import se.planbot.plan.Action;
import se.planbot.plan.ActionFilter;
import se.planbot.plan.PlanService;

/**
 * The coordinator's digest at each {@code reminders.digest-cron} time: overdue actions, deadlines
 * in the next 14 days, actions completed since the previous digest, and whatever other features
 * add through {@link DigestSection}. By email to the coordinator(s), and to the Slack coordinator
 * channel when Slack is on. Keyed by the digest time, so it goes out once per time.
 */
public final class Digest implements SweepTask {

    private static final Logger log = LoggerFactory.getLogger(Digest.class);
    static final int UPCOMING_DAYS = 14;
    static final int COMPLETED_DAYS = 7;
    private static final DateTimeFormatter KEY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final PlanService plan;
    private final Outbox outbox;
    private final DigestSchedule schedule;
    private final ReminderSettings settings;
    private final List<DigestSection> sections;
    /** Digest times already warned about, so a missing coordinator is logged once, not every sweep. */
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    public Digest(PlanService plan, Outbox outbox, DigestSchedule schedule, ReminderSettings settings,
            List<DigestSection> sections) {
        this.plan = plan;
        this.outbox = outbox;
        this.schedule = schedule;
        this.settings = settings;
        this.sections = sections;
    }

    @Override
    public int runAsOf(Connection connection, ZonedDateTime now, WorkingDays workingDays) throws SQLException {
        return queue(connection, now);
    }

    /** Queues the digest due at {@code now}, if any; returns how many messages were queued. */
    int queue(Connection connection, ZonedDateTime now) throws SQLException {
        Optional<ZonedDateTime> due = schedule.due(now);
        if (due.isEmpty()) {
            return 0;
        }
        ZonedDateTime fire = due.get();
        ZonedDateTime since = completedSince(fire);
        Map<String, Object> model = model(connection, fire, since);
        String time = KEY_TIME.format(fire.toLocalDateTime());
        int queued = 0;
        var recipients = Coordinators.of(connection, plan, settings);
        if (recipients.isEmpty() && settings.slackCoordinatorChannel().isEmpty() && warned.add(time)) {
            log.warn("Digest {} not sent: set coordinator.email or give someone the role coordinator", time);
        }
        for (var recipient : recipients) {
            if (outbox.enqueue(connection, new OutgoingMessage("digest:" + recipient.email().toLowerCase() + ":" + time,
                    Channel.EMAIL, recipient.email(), recipient.name(), "digest", model, settings.locale()))) {
                queued++;
            }
        }
        if (settings.slackEnabled() && settings.slackCoordinatorChannel().isPresent()) {
            String channel = settings.slackCoordinatorChannel().get();
            if (outbox.enqueue(connection, new OutgoingMessage("digest:slack:" + channel + ":" + time,
                    Channel.SLACK, channel, "", "digest", model, settings.locale()))) {
                queued++;
            }
        }
        return queued;
    }

    /** Owners who cannot be reminded, actions without owner or deadline (keys unreachable, withoutOwner, withoutDeadline). */
    private Map<String, Object> gaps() {
        return PlanGaps.of(plan.actions(ActionFilter.all()), settings).model(settings.baseUrl());
    }

    /** The previous digest time, never more than {@value #COMPLETED_DAYS} days back: "klara" is last week's news. */
    private ZonedDateTime completedSince(ZonedDateTime fire) {
        ZonedDateTime previous = schedule.previous(fire);
        ZonedDateTime earliest = fire.minusDays(COMPLETED_DAYS);
        return previous.isBefore(earliest) ? earliest : previous;
    }

    Map<String, Object> model(Connection connection, ZonedDateTime fire, ZonedDateTime since) throws SQLException {
        LocalDate today = fire.toLocalDate();
        var overdue = new ArrayList<Map<String, Object>>();
        var upcoming = new ArrayList<Map<String, Object>>();
        for (Action action : plan.openActionsWithDeadline(connection)) {
            if (action.isOverdue(today)) {
                overdue.add(ActionItems.item(action, today, settings.baseUrl()));
            } else if (!action.deadline().isAfter(today.plusDays(UPCOMING_DAYS))) {
                upcoming.add(ActionItems.item(action, today, settings.baseUrl()));
            }
        }
        var completed = plan.completedBetween(connection, since.toInstant(), fire.toInstant()).stream()
                .filter(action -> action.deadline() != null)
                .map(action -> ActionItems.item(action, today, settings.baseUrl()))
                .toList();
        var model = new LinkedHashMap<String, Object>();
        model.put("week", today.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        model.put("date", today.toString());
        model.put("since", since.toLocalDate().toString());
        model.put("overdue", overdue);
        model.put("upcoming", upcoming);
        model.put("completed", completed);
        for (DigestSection section : sections) {
            model.put(section.key(), section.items(connection, since, fire));
        }
        model.putAll(gaps());
        return model;
    }
}
