package se.planbot.web;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import se.planbot.outbox.OutboxAdmin;
import se.planbot.plan.Action;
import se.planbot.plan.ActionFilter;
import se.planbot.plan.ActionStatus;
import se.planbot.plan.Person;
import se.planbot.plan.PersonRole;
import se.planbot.plan.PlanService;
import se.planbot.plan.Strategy;
import se.planbot.reminders.ComingMessage;
import se.planbot.reminders.ReminderSweep;

/**
 * Översikt, the console's start page: per strategy done, in progress and overdue; the overdue
 * actions; deadlines in the next 14 days; actions without an owner; failed messages; what the
 * reminder rules will send in the next 7 days (their dry run: who, which action, which day). An owner
 * sees their own actions instead.
 *
 * <pre>
 * curl -s -b planbot_session=SECRET localhost:7070/admin
 * </pre>
 */
public final class ConsoleOverviewPage {

    static final int UPCOMING_DAYS = 14;
    private static final int LISTED = 50;

    /** How far the reminder preview looks ahead: today and the next seven days. */
    static final int COMING_DAYS = 7;

    private final PlanService plan;
    private final OutboxAdmin outbox;
    private final ReminderSweep sweep;
    private final Pages pages;
    private final Clock clock;
    private final ZoneId zone;

    ConsoleOverviewPage(PlanService plan, OutboxAdmin outbox, ReminderSweep sweep, Pages pages, Clock clock, ZoneId zone) {
        this.plan = plan;
        this.outbox = outbox;
        this.sweep = sweep;
        this.pages = pages;
        this.clock = clock;
        this.zone = zone;
    }

    /** GET /admin */
    public void show(Context ctx) {
        Person me = AccessGuard.person(ctx);
        var model = pages.model(ctx);
        model.put("me", me);
        Locale locale = pages.locale(ctx);
        LocalDate today = plan.today();
        if (me.role() == PersonRole.OWNER) {
            model.put("mine", ActionViews.views(plan.actionsOf(me.id(), 0, LISTED).actions(), today, locale));
            pages.show(ctx, 200, "console/home", model);
            return;
        }
        List<Action> actions = plan.actions(ActionFilter.all());
        var strategies = new ArrayList<Map<String, Object>>();
        for (Strategy strategy : plan.strategies()) {
            List<Action> own = actions.stream().filter(action -> action.strategyId() == strategy.id()).toList();
            var row = new LinkedHashMap<String, Object>();
            row.put("id", strategy.id());
            row.put("title", strategy.title());
            row.put("done", own.stream().filter(action -> action.status() == ActionStatus.DONE).count());
            row.put("inProgress", own.stream().filter(action -> action.status() == ActionStatus.IN_PROGRESS).count());
            row.put("overdue", own.stream().filter(action -> action.isOverdue(today)).count());
            strategies.add(row);
        }
        model.put("strategies", strategies);
        model.put("overdue", ActionViews.views(plan.overdue(0, LISTED).actions(), today, locale));
        model.put("upcoming", ActionViews.views(plan.dueBetween(today, today.plusDays(UPCOMING_DAYS), 0, LISTED).actions(),
                today, locale));
        model.put("ownerless", ActionViews.views(actions.stream()
                .filter(action -> action.ownerId() == null && action.status().isOpen()).toList(), today, locale));
        model.put("dead", outbox.counts(Set.of()).dead());
        model.put("coming", coming(locale, model));
        pages.show(ctx, 200, "console/home", model);
    }

    /** What the reminder rules would send in the coming days (the sweep's dry run): day, who, what, which actions. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> coming(Locale locale, Map<String, Object> model) {
        var texts = (Map<String, String>) model.get("t");
        var format = DateTimeFormatter.ofPattern("EEEE d MMMM", locale);
        var rows = new ArrayList<Map<String, Object>>();
        for (ComingMessage coming : sweep.coming(ZonedDateTime.now(clock.withZone(zone)), COMING_DAYS)) {
            var message = coming.message();
            var row = new LinkedHashMap<String, Object>();
            row.put("day", format.format(coming.day()));
            row.put("recipient", message.recipientName() == null || message.recipientName().isBlank()
                    ? message.recipient() : message.recipientName() + " (" + message.recipient() + ")");
            row.put("channel", message.channel().name().toLowerCase(Locale.ROOT));
            row.put("kind", texts.getOrDefault("console_coming_" + message.template(), message.template()));
            var actions = new ArrayList<String>();
            if (message.model().get("items") instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof Map<?, ?> action && action.get("code") != null) {
                        actions.add(action.get("code") + " " + action.get("title"));
                    }
                }
            }
            row.put("actions", actions);
            rows.add(row);
        }
        return rows;
    }
}
