package se.planbot.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
import se.planbot.plan.Person;
import se.planbot.plan.PersonRole;
import se.planbot.plan.PlanService;
import se.planbot.problem.FieldError;
import se.planbot.problem.InvalidInput;

/**
 * The console's action plan: list with filters, search and paging; create; edit every field;
 * a quick progress report; the history. Every change goes through {@link PlanService} (its rules
 * and one history entry, actor "Name (konsol)"), exactly as the API's.
 *
 * <pre>
 * curl -s -b planbot_session=SECRET 'localhost:7070/admin/actions?q=turism&amp;status=in_progress&amp;page=2'
 * curl -s -b planbot_session=SECRET localhost:7070/admin/actions/12
 * </pre>
 */
public final class ConsoleActionPages {

    static final int PAGE_SIZE = 25;

    private final PlanService plan;
    private final Pages pages;
    private final ZoneId zone;

    ConsoleActionPages(PlanService plan, Pages pages, ZoneId zone) {
        this.plan = plan;
        this.pages = pages;
        this.zone = zone;
    }

    /** GET /admin/actions: the whole plan, filtered and searched, a page at a time. */
    public void list(Context ctx) {
        var model = model(ctx);
        Locale locale = pages.locale(ctx);
        String text = text(ctx.queryParam("q"));
        Integer strategy = number(ctx.queryParam("strategy")).map(Long::intValue).orElse(null);
        ActionStatus status = ActionStatus.fromCode(text(ctx.queryParam("status"))).orElse(null);
        boolean overdue = ctx.queryParam("overdue") != null;
        int page = number(ctx.queryParam("page")).filter(n -> n >= 1 && n <= 10_000).map(Long::intValue).orElse(1);
        ActionPage found = plan.actions(new ActionFilter(strategy, status, null, overdue, text.isEmpty() ? null : text),
                (page - 1) * PAGE_SIZE, PAGE_SIZE);
        model.put("actions", ActionViews.views(found.actions(), plan.today(), locale));
        model.put("total", found.total());
        model.put("page", page);
        model.put("first", found.total() == 0 ? 0 : (page - 1) * PAGE_SIZE + 1);
        model.put("last", Math.min(found.total(), page * PAGE_SIZE));
        model.put("pages", Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.put("filter", Map.of("q", text, "strategy", strategy == null ? "" : String.valueOf(strategy),
                "status", status == null ? "" : status.code(), "overdue", overdue));
        model.put("query", query(text, strategy, status, overdue));
        model.put("strategies", plan.strategies());
        model.put("statuses", ActionViews.statuses(locale));
        pages.show(ctx, 200, "console/actions", model);
    }

    /** GET /admin/actions/new */
    public void newForm(Context ctx) {
        var model = model(ctx);
        model.put("form", Map.of("status", ActionStatus.PLANNED.code(), "progress", "0"));
        newPage(ctx, 200, model);
    }

    /** POST /admin/actions */
    public void create(Context ctx) {
        var model = model(ctx);
        try {
            ActionForm form = ActionForm.read(ctx);
            Action created = plan.createAction(form.draft(), actor(ctx));
            seeOther(ctx, "/admin/actions/" + created.id() + "?saved" + amp(ctx));
        } catch (InvalidInput invalid) {
            Pages.addErrors(model, invalid.errors());
            model.put("form", ActionForm.typed(ctx));
            newPage(ctx, 400, model);
        }
    }

    /** GET /admin/actions/{id}: the edit form (coordinator), the quick report (who may update), the history. */
    public void show(Context ctx) {
        withAction(ctx, action -> {
            var model = model(ctx);
            model.put("form", ActionForm.values(action));
            model.put("quick", Map.of("status", action.status().code(), "progress", String.valueOf(action.progress())));
            model.put("saved", ctx.queryParam("saved") != null);
            actionPage(ctx, 200, model, action);
        });
    }

    /** POST /admin/actions/{id}: every field, with an optional note; emptied optional fields are cleared. */
    public void save(Context ctx) {
        withAction(ctx, action -> {
            var model = model(ctx);
            try {
                ActionForm form = ActionForm.read(ctx);
                plan.patchAction(action.id(), form.draft(), form.cleared(), text(ctx.formParam("note")), actor(ctx));
                seeOther(ctx, "/admin/actions/" + action.id() + "?saved" + amp(ctx));
            } catch (InvalidInput invalid) {
                Pages.addErrors(model, invalid.errors());
                model.put("form", ActionForm.typed(ctx));
                model.put("quick", Map.of("status", action.status().code(), "progress", String.valueOf(action.progress())));
                actionPage(ctx, 400, model, action);
            }
        });
    }

    /** POST /admin/actions/{id}/update: status, progress and a note in one history entry. */
    public void quickUpdate(Context ctx) {
        withAction(ctx, action -> {
            var model = model(ctx);
            String status = text(ctx.formParam("status"));
            String progress = text(ctx.formParam("progress")).replace("%", "").strip();
            String note = text(ctx.formParam("note"));
            try {
                plan.recordUpdate(action.id(), ProgressForm.report(action, status, progress, note), actor(ctx));
                seeOther(ctx, "/admin/actions/" + action.id() + "?saved" + amp(ctx));
            } catch (InvalidInput invalid) {
                // The quick form's fields carry a prefix, so its errors do not land in the edit form.
                Pages.addErrors(model, invalid.errors().stream()
                        .map(error -> new FieldError("quick_" + error.field(), error.message())).toList());
                model.put("form", ActionForm.values(action));
                model.put("quick", Map.of("status", status, "progress", progress, "note", note));
                actionPage(ctx, 400, model, action);
            }
        });
    }

    private void newPage(Context ctx, int status, Map<String, Object> model) {
        model.put("strategies", plan.strategies());
        model.put("people", plan.people());
        model.put("statuses", ActionViews.statuses(pages.locale(ctx)));
        pages.show(ctx, status, "console/action-new", model);
    }

    private void actionPage(Context ctx, int status, Map<String, Object> model, Action action) {
        Locale locale = pages.locale(ctx);
        Person me = AccessGuard.person(ctx);
        model.put("action", ActionViews.view(action, plan.today(), locale));
        model.put("mayEdit", me.role() == PersonRole.COORDINATOR);
        model.put("mayUpdate", plan.mayUpdate(me, action));
        model.put("strategies", plan.strategies());
        model.put("people", plan.people());
        model.put("statuses", ActionViews.statuses(locale));
        model.put("noteMax", PlanService.NOTE_MAX);
        model.put("history", history(action, locale));
        pages.show(ctx, status, "console/action", model);
    }

    private List<Map<String, Object>> history(Action action, Locale locale) {
        var format = DateTimeFormatter.ofPattern("d MMMM yyyy HH.mm", locale);
        var entries = new ArrayList<Map<String, Object>>();
        for (Change change : plan.history(action.id())) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("at", format.format(change.at().atZone(zone)));
            entry.put("actor", change.actor());
            entry.put("note", change.note());
            entry.put("fields", change.fields().stream().map(field -> Map.of("name", field.field(),
                    "from", field.oldValue() == null ? "–" : field.oldValue(),
                    "to", field.newValue() == null ? "–" : field.newValue())).toList());
            entries.add(0, entry);
        }
        return entries;
    }

    /** Runs {@code then} for the path's action, if it exists and the signed-in person may see it. */
    private void withAction(Context ctx, java.util.function.Consumer<Action> then) {
        Optional<Action> action = number(ctx.pathParam("id")).flatMap(plan::action);
        if (action.isEmpty()) {
            pages.show(ctx, 404, "console/not-found", model(ctx));
            return;
        }
        Person me = AccessGuard.person(ctx);
        if (me.role() == PersonRole.OWNER && !plan.mayUpdate(me, action.get())) {
            pages.forbidden(ctx);
            return;
        }
        then.accept(action.get());
    }

    private Map<String, Object> model(Context ctx) {
        var model = pages.model(ctx);
        model.put("me", AccessGuard.person(ctx));
        return model;
    }

    private static String actor(Context ctx) {
        return AccessGuard.person(ctx).name() + " (konsol)";
    }

    private static String query(String text, Integer strategy, ActionStatus status, boolean overdue) {
        var query = new StringBuilder();
        if (!text.isEmpty()) {
            query.append("&q=").append(java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (strategy != null) {
            query.append("&strategy=").append(strategy);
        }
        if (status != null) {
            query.append("&status=").append(status.code());
        }
        if (overdue) {
            query.append("&overdue=on");
        }
        return query.toString();
    }

    private String amp(Context ctx) {
        return "en".equals(pages.locale(ctx).getLanguage()) ? "&locale=en" : "";
    }

    private static void seeOther(Context ctx, String location) {
        ctx.redirect(location, HttpStatus.SEE_OTHER);
    }

    private static Optional<Long> number(String text) {
        return text != null && text.matches("\\d{1,12}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
