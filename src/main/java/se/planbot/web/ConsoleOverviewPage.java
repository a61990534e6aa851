package se.planbot.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import se.planbot.outbox.OutboxAdmin;
import se.planbot.outbox.OutboxStatus;
import se.planbot.plan.Action;
import se.planbot.plan.ActionFilter;
import se.planbot.plan.ActionStatus;
import se.planbot.plan.Person;
import se.planbot.plan.PersonRole;
import se.planbot.plan.PlanService;
import se.planbot.plan.Strategy;

/**
 * Översikt, the console's start page: per strategy done, in progress and overdue; the overdue
 * actions; deadlines in the next 14 days; actions without an owner; failed messages. An owner
 * sees their own actions instead.
 *
 * <pre>
 * curl -s -b planbot_session=SECRET localhost:7070/admin
 * </pre>
 */
public final class ConsoleOverviewPage {

    static final int UPCOMING_DAYS = 14;
    private static final int LISTED = 50;

    private final PlanService plan;
    private final OutboxAdmin outbox;
    private final Pages pages;

    ConsoleOverviewPage(PlanService plan, OutboxAdmin outbox, Pages pages) {
        this.plan = plan;
        this.outbox = outbox;
        this.pages = pages;
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
        model.put("dead", outbox.list(OutboxStatus.DEAD).size());
        pages.show(ctx, 200, "console/home", model);
    }
}
