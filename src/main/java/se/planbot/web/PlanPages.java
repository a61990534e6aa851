package se.planbot.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
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
import se.planbot.plan.ActionPage;
import se.planbot.plan.ActionStatus;
import se.planbot.plan.Change;
import se.planbot.plan.PlanService;
import se.planbot.plan.Strategy;
import se.planbot.plan.StrategyFigures;
import se.planbot.problem.FieldError;
import se.planbot.proposals.ProposalService;

/**
 * The public pages about the programme: its overview with each strategy's progress, the action
 * plan with filters, each action with its history, the accessibility statement, what is done with
 * personal data (who is responsible, what is kept and for how long) and the style sheet.
 *
 * <pre>
 * curl -s localhost:7070/
 * curl -s 'localhost:7070/plan?strategy=2&amp;status=in_progress&amp;overdue=true'
 * curl -s 'localhost:7070/plan?q=företagslots&amp;page=2'
 * curl -s localhost:7070/plan/actions/12
 * curl -s localhost:7070/tillganglighet
 * curl -s localhost:7070/personuppgifter
 * </pre>
 */
public final class PlanPages {

    static final int PAGE_SIZE = 50;

    private final PlanService plan;
    private final ProposalService proposals;
    private final Pages pages;
    private final ZoneId zone;
    private final IndicatorPages indicators;

    PlanPages(PlanService plan, ProposalService proposals, Pages pages, ZoneId zone, IndicatorPages indicators) {
        this.plan = plan;
        this.proposals = proposals;
        this.pages = pages;
        this.zone = zone;
        this.indicators = indicators;
    }

    public void accessibility(Context ctx) {
        pages.show(ctx, 200, "accessibility", pages.model(ctx));
    }

    public void privacy(Context ctx) {
        pages.show(ctx, 200, "privacy", pages.model(ctx));
    }

    public void styleSheet(Context ctx) {
        ctx.contentType("text/css; charset=utf-8").header("Cache-Control", "max-age=300").result(pages.css());
    }

    public void overview(Context ctx) {
        var model = pages.model(ctx);
        var strategies = new ArrayList<Map<String, Object>>();
        long total = 0;
        long done = 0;
        long overdue = 0;
        for (StrategyFigures figures : plan.strategyFigures()) {
            var row = new LinkedHashMap<String, Object>();
            row.put("id", figures.strategy().id());
            row.put("title", figures.strategy().title());
            row.put("description", figures.strategy().description());
            row.put("actions", figures.actions());
            row.put("done", figures.done());
            row.put("inProgress", figures.inProgress());
            row.put("overdue", figures.overdue());
            row.put("progress", figures.progress());
            strategies.add(row);
            total += figures.actions();
            done += figures.done();
            overdue += figures.overdue();
        }
        model.put("strategies", strategies);
        model.put("total", total);
        model.put("done", done);
        model.put("overdue", overdue);
        @SuppressWarnings("unchecked")
        var site = (Map<String, Object>) model.get("site");
        indicators.headline(String.valueOf(site.get("goal"))).ifPresent(headline -> model.put("headline", headline));
        pages.show(ctx, 200, "overview", model);
    }

    /**
     * One page of the plan ({@value #PAGE_SIZE} actions) with the filters and the search in the
     * URL, so every page is a plain link. A search that is one action's code opens that action.
     */
    public void actionPlan(Context ctx) {
        var model = pages.model(ctx);
        Locale locale = pages.locale(ctx);
        var unknown = new ArrayList<FieldError>();
        String strategyText = ctx.queryParam("strategy");
        Integer strategy = number(strategyText).filter(id -> plan.strategy(id).isPresent()).orElse(null);
        if (strategy == null && strategyText != null && !strategyText.isBlank()) {
            unknown.add(new FieldError("strategy", "Det finns ingen strategi ”" + strategyText.strip()
                    + "”; välj en strategi i listan."));
        }
        String statusText = ctx.queryParam("status");
        ActionStatus status = Optional.ofNullable(statusText).flatMap(ActionStatus::fromCode).orElse(null);
        if (status == null && statusText != null && !statusText.isBlank()) {
            unknown.add(new FieldError("status", "Det finns ingen status ”" + statusText.strip()
                    + "”; välj en status i listan."));
        }
        boolean overdue = "true".equals(ctx.queryParam("overdue")) || "on".equals(ctx.queryParam("overdue"));
        String text = Optional.ofNullable(ctx.queryParam("q")).map(String::strip).orElse("");
        if (!text.isEmpty()) {
            Optional<Action> byCode = plan.actionWithCode(text);
            if (byCode.isPresent()) {
                ctx.redirect("/plan/actions/" + byCode.get().id() + model.get("q"), HttpStatus.SEE_OTHER);
                return;
            }
        }
        String pageText = ctx.queryParam("page");
        Optional<Integer> page = pageText == null || pageText.isBlank() ? Optional.of(1)
                : number(pageText).filter(number -> number >= 1);
        int pageNumber = page.orElse(1);
        ActionPage found = !unknown.isEmpty() ? new ActionPage(List.of(), 0)
                : plan.actions(new ActionFilter(strategy, status, null, overdue, text.isEmpty() ? null : text),
                        (pageNumber - 1) * PAGE_SIZE, PAGE_SIZE);
        int pageCount = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        LocalDate today = plan.today();
        // An unknown filter says so and lists nothing, rather than quietly listing everything.
        Pages.addErrors(model, unknown);
        var statuses = new ArrayList<Map<String, String>>();
        for (ActionStatus each : ActionStatus.values()) {
            statuses.add(Map.of("code", each.code(), "label", each.label(locale)));
        }
        model.put("actions", ActionViews.views(found.actions(), today, locale));
        model.put("total", found.total());
        model.put("firstShown", found.actions().isEmpty() ? 0 : (pageNumber - 1) * PAGE_SIZE + 1);
        model.put("lastShown", (pageNumber - 1) * PAGE_SIZE + found.actions().size());
        model.put("page", pageNumber);
        model.put("pageCount", pageCount);
        model.put("previousUrl", pageNumber > 1 ? PageLinks.to(ctx, Math.min(pageNumber - 1, pageCount)) : "");
        model.put("nextUrl", pageNumber < pageCount ? PageLinks.to(ctx, pageNumber + 1) : "");
        model.put("lastUrl", PageLinks.to(ctx, pageCount));
        model.put("strategies", plan.strategies());
        model.put("statuses", statuses);
        model.put("selectedStrategy", strategy == null ? 0 : strategy);
        model.put("selectedStatus", status == null ? "" : status.code());
        model.put("overdueOnly", overdue);
        model.put("searchText", text);
        if (!unknown.isEmpty()) {
            pages.show(ctx, 400, "plan", model);
        } else if (page.isEmpty()) {
            model.put("pageProblem", "bad");
            pages.show(ctx, 400, "plan", model);
        } else if (pageNumber > pageCount) {
            model.put("pageProblem", "past-end");
            pages.show(ctx, 404, "plan", model);
        } else {
            pages.show(ctx, 200, "plan", model);
        }
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
        model.put("action", ActionViews.view(action, plan.today(), locale));
        model.put("strategy", plan.strategy(action.strategyId()).map(Strategy::title).orElse(""));
        var history = new ArrayList<Map<String, Object>>();
        var format = DateTimeFormatter.ofPattern("d MMMM yyyy HH.mm", locale);
        for (Change change : plan.history(action.id())) {
            if (change.fields().isEmpty() && change.publicNote().isBlank()) {
                continue; // only an internal note: nothing the public may see
            }
            var entry = new LinkedHashMap<String, Object>();
            entry.put("at", format.format(change.at().atZone(zone)));
            entry.put("note", change.publicNote());
            entry.put("fields", change.fields().stream().map(field -> Map.of(
                    "name", field.field(),
                    "from", readable(field.field(), field.oldValue(), locale),
                    "to", readable(field.field(), field.newValue(), locale))).toList());
            history.add(entry);
        }
        Collections.reverse(history);
        model.put("history", history);
        // The proposals this action came from or answers (issue 11), with the proposer's name only if shown.
        model.put("proposals", proposals.behindAction(action.id()).stream().map(proposal -> Map.of(
                "id", proposal.id(), "title", proposal.title(), "name", proposal.publicName(),
                "state", proposal.state().label(locale))).toList());
        pages.show(ctx, 200, "action", model);
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
