package se.planbot.reminders;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
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
import se.planbot.plan.PlanService;

/**
 * Deadline reminders to action owners: one message per person per day listing every action of
 * theirs with a reminder point due that day (never one per action, never an empty one).
 * {@link #plan} is the pure rule; {@link #queue} writes the result into the outbox together with
 * the points it covers, in the sweep's transaction.
 *
 * <p>A point that becomes due after the person's message of the day was queued waits for their
 * next working day (if it is then still the most recent point).
 */
public final class OwnerReminders implements SweepTask {

    private static final Logger log = LoggerFactory.getLogger(OwnerReminders.class);

    record Due(Action action, ReminderPoint point) {
    }

    record PersonReminder(long personId, String name, String email, String slackUserId, List<Due> items) {
    }

    private final PlanService plan;
    private final Outbox outbox;
    private final DeadlineRules rules;
    private final ReminderSettings settings;
    private final UpdateLinks updateLinks;
    private final ReminderStore store = new ReminderStore();
    /** People already warned about today, so an unreachable owner is logged once a day, not every sweep. */
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    public OwnerReminders(PlanService plan, Outbox outbox, DeadlineRules rules, ReminderSettings settings) {
        this(plan, outbox, rules, settings, UpdateLinks.NONE);
    }

    /** With {@code updateLinks}: each reminded action links to its update form. */
    public OwnerReminders(PlanService plan, Outbox outbox, DeadlineRules rules, ReminderSettings settings,
            UpdateLinks updateLinks) {
        this.plan = plan;
        this.updateLinks = updateLinks;
        this.outbox = outbox;
        this.rules = rules;
        this.settings = settings;
    }

    /** Who gets which reminder items on {@code today}. Pure: data in, messages out. */
    static List<PersonReminder> plan(List<Action> openActions, Set<String> queuedPoints, Set<Long> remindedToday,
            LocalDate today, DeadlineRules rules) {
        var byOwner = new LinkedHashMap<Long, List<Due>>();
        var owners = new LinkedHashMap<Long, Action>();
        for (Action action : openActions) {
            if (action.ownerId() == null || action.deadline() == null || !action.status().isOpen()
                    || remindedToday.contains(action.ownerId())) {
                continue;
            }
            Optional<ReminderPoint> point = rules.due(action.deadline(), today);
            if (point.isEmpty()
                    || queuedPoints.contains(ReminderStore.pointKey(action.id(), action.deadline(), point.get().id()))) {
                continue;
            }
            byOwner.computeIfAbsent(action.ownerId(), id -> new ArrayList<>()).add(new Due(action, point.get()));
            owners.putIfAbsent(action.ownerId(), action);
        }
        var reminders = new ArrayList<PersonReminder>();
        for (Map.Entry<Long, List<Due>> entry : byOwner.entrySet()) {
            Action any = owners.get(entry.getKey());
            var items = new ArrayList<>(entry.getValue());
            items.sort((a, b) -> a.action().deadline().compareTo(b.action().deadline()));
            reminders.add(new PersonReminder(entry.getKey(), any.ownerName(), any.ownerEmail(),
                    any.ownerSlackUserId(), List.copyOf(items)));
        }
        return reminders;
    }

    /** Queues today's owner reminders; returns how many messages were queued. */
    @Override
    public int runAsOf(Connection connection, ZonedDateTime now, WorkingDays workingDays) throws SQLException {
        return queue(connection, now.toLocalDate());
    }

    int queue(Connection connection, LocalDate today) throws SQLException {
        var reminders = plan(plan.openActionsWithDeadline(connection), store.queuedPoints(connection),
                store.remindedOn(connection, today), today, rules);
        int queued = 0;
        // Replies to a reminder go to the coordinator, who can change the plan for the owner.
        String replyTo = reminders.isEmpty() ? null
                : Coordinators.of(connection, plan, settings).stream().findFirst().map(Coordinators.Recipient::email).orElse(null);
        for (PersonReminder reminder : reminders) {
            Optional<OutgoingMessage> message = message(connection, reminder, today, replyTo);
            if (message.isEmpty()) {
                if (warned.add(reminder.personId() + ":" + today)) {
                    log.warn("Reminder for {} (person {}) not sent: no email address and no Slack id",
                            reminder.name(), reminder.personId());
                }
                continue;
            }
            if (outbox.enqueue(connection, message.get())) {
                queued++;
                for (Due due : reminder.items()) {
                    store.record(connection, due.action().id(), due.action().deadline(), due.point().id(),
                            reminder.personId(), today, message.get().key());
                }
            }
        }
        return queued;
    }

    private Optional<OutgoingMessage> message(Connection connection, PersonReminder reminder, LocalDate today,
            String replyTo) throws SQLException {
        var model = new LinkedHashMap<String, Object>();
        model.put("personName", reminder.name());
        model.put("date", today.toString());
        model.put("slackCommand", settings.slackEnabled() ? settings.slackCommand() : "");
        if (replyTo != null) {
            model.put("replyTo", replyTo);
        }
        String key = "reminder:" + reminder.personId() + ":" + today;
        boolean hasSlack = reminder.slackUserId() != null && !reminder.slackUserId().isBlank();
        if (settings.slackDirect() && settings.slackEnabled() && hasSlack) {
            model.put("items", items(reminder, today, Optional.empty()));
            return Optional.of(new OutgoingMessage(key, Channel.SLACK, reminder.slackUserId(), reminder.name(),
                    "reminder", model, settings.locale()));
        }
        if (reminder.email() == null || reminder.email().isBlank()) {
            return Optional.empty();
        }
        // Two clicks from the mail: the link opens the action's update form, its button saves.
        Optional<String> token = updateLinks.issue(connection, reminder.personId());
        model.put("items", items(reminder, today, token));
        token.ifPresent(link -> model.put("mineUrl", settings.baseUrl() + "/admin/mine?token=" + link));
        return Optional.of(new OutgoingMessage(key, Channel.EMAIL, reminder.email(), reminder.name(),
                "reminder", model, settings.locale()));
    }

    private List<Map<String, Object>> items(PersonReminder reminder, LocalDate today, Optional<String> token) {
        return reminder.items().stream().map(due -> {
            var item = ActionItems.item(due.action(), today, settings.baseUrl());
            token.ifPresent(link -> item.put("updateUrl",
                    settings.baseUrl() + "/admin/update/" + due.action().id() + "?token=" + link));
            return item;
        }).toList();
    }
}
