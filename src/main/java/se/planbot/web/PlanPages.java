package se.planbot.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.planbot.plan.Action;
import se.planbot.plan.ActionFilter;
import se.planbot.plan.ActionStatus;
import se.planbot.plan.Change;
import se.planbot.plan.PlanService;
import se.planbot.plan.Strategy;

/**
 * The public pages about the programme: its overview with each strategy's progress, the action
 * plan with filters, each action with its history, the accessibility statement and the style sheet.
 *
 * <pre>
 * curl -s localhost:7070/
 * curl -s 'localhost:7070/plan?strategy=2&amp;status=in_progress&amp;overdue=true'
 * curl -s localhost:7070/plan/actions/12
 * curl -s localhost:7070/tillganglighet
 * </pre>
 */
public final class PlanPages {

    private final PlanService plan;
    private final Pages pages;
    private final ZoneId zone;

    PlanPages(PlanService plan, Pages pages, ZoneId zone) {
        this.plan = plan;
        this.pages = pages;
        this.zone = zone;
    }

    public void accessibility(Context ctx) {
        pages.show(ctx, 200, "accessibility", pages.model(ctx));
    }

    public void styleSheet(Context ctx) {
        ctx.contentType("text/css; charset=utf-8").header("Cache-Control", "max-age=300").result(pages.css());
    }

    public void overview(Context ctx) {
        var model = pages.model(ctx);
        LocalDate today = plan.today();
        List<Action> actions = plan.actions(ActionFilter.all());
        var strategies = new ArrayList<Map<String, Object>>();
        for (Strategy strategy : plan.strategies()) {
            List<Action> own = actions.stream().filter(action -> action.strategyId() == strategy.id()).toList();
            var row = new LinkedHashMap<String, Object>();
            row.put("id", strategy.id());
            row.put("title", strategy.title());
            row.put("description", strategy.description());
            row.put("actions", own.size());
            row.put("done", own.stream().filter(action -> action.status() == ActionStatus.DONE).count());
            row.put("inProgress", own.stream().filter(action -> action.status() == ActionStatus.IN_PROGRESS).count());
            row.put("overdue", own.stream().filter(action -> action.isOverdue(today)).count());
            row.put("progress", (int) Math.round(own.stream().filter(action -> action.status() != ActionStatus.CANCELLED)
                    .mapToInt(Action::progress).average().orElse(0)));
            strategies.add(row);
        }
        model.put("strategies", strategies);
        model.put("total", actions.size());
        model.put("done", actions.stream().filter(action -> action.status() == ActionStatus.DONE).count());
        model.put("overdue", actions.stream().filter(action -> action.isOverdue(today)).count());
        pages.show(ctx, 200, "overview", model);
    }

    public void actionPlan(Context ctx) {
        var model = pages.model(ctx);
        Locale locale = pages.locale(ctx);
        Integer strategy = number(ctx.queryParam("strategy")).filter(id -> plan.strategy(id).isPresent()).orElse(null);
        ActionStatus status = Optional.ofNullable(ctx.queryParam("status")).flatMap(ActionStatus::fromCode).orElse(null);
        boolean overdue = "true".equals(ctx.queryParam("overdue")) || "on".equals(ctx.queryParam("overdue"));
        LocalDate today = plan.today();
        var rows = plan.actions(new ActionFilter(strategy, status, null, overdue, null)).stream()
                .map(action -> view(action, today, locale)).toList();
        var statuses = new ArrayList<Map<String, String>>();
        for (ActionStatus each : ActionStatus.values()) {
            statuses.add(Map.of("code", each.code(), "label", each.label(locale)));
        }
        model.put("actions", rows);
        model.put("strategies", plan.strategies());
        model.put("statuses", statuses);
        model.put("selectedStrategy", strategy == null ? 0 : strategy);
        model.put("selectedStatus", status == null ? "" : status.code());
        model.put("overdueOnly", overdue);
        pages.show(ctx, 200, "plan", model);
    }

    public void action(Context ctx) {
        Optional<Action> found = number(ctx.pathParam("id")).flatMap(id -> plan.action(id));
        if (found.isEmpty()) {
            pages.notFound(ctx);
            return;
        }
        var model = pages.model(ctx);
        Locale locale = pages.locale(ctx);
        Action action = found.get();
        model.put("action", view(action, plan.today(), locale));
        model.put("strategy", plan.strategy(action.strategyId()).map(Strategy::title).orElse(""));
        var history = new ArrayList<Map<String, Object>>();
        var format = DateTimeFormatter.ofPattern("d MMMM yyyy HH.mm", locale);
        for (Change change : plan.history(action.id())) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("at", format.format(change.at().atZone(zone)));
            entry.put("note", change.note());
            entry.put("fields", change.fields().stream().map(field -> Map.of(
                    "name", field.field(),
                    "from", readable(field.field(), field.oldValue(), locale),
                    "to", readable(field.field(), field.newValue(), locale))).toList());
            history.add(entry);
        }
        Collections.reverse(history);
        model.put("history", history);
        pages.show(ctx, 200, "action", model);
    }

    private static Map<String, Object> view(Action action, LocalDate today, Locale locale) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", action.id());
        view.put("code", action.code());
        view.put("title", action.title());
        view.put("description", action.description());
        view.put("strategy", action.strategyId());
        view.put("owner", action.ownerName() == null ? "" : action.ownerName());
        view.put("department", action.department());
        view.put("deadline", action.deadline() == null ? ""
                : DateTimeFormatter.ofPattern("d MMM yyyy", locale).format(action.deadline()));
        view.put("status", action.status().label(locale));
        view.put("statusCode", action.status().code());
        view.put("progress", action.progress());
        view.put("overdue", action.isOverdue(today));
        return view;
    }

    /** A history value as people read it: status in words, progress with %, empty as a dash. */
    private static String readable(String field, String value, Locale locale) {
        if (value == null || value.isEmpty()) {
            return "–";
        }
        return switch (field) {
            case "status" -> ActionStatus.fromCode(value).map(status -> status.label(locale)).orElse(value);
            case "progress" -> value + " %";
            default -> value;
        };
    }

    private static Optional<Integer> number(String text) {
        if (text == null || !text.trim().matches("\\d{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(text.trim()));
    }
}
