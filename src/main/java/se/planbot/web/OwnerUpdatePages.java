package se.planbot.web;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.planbot.plan.Action;
import se.planbot.plan.Person;
import se.planbot.plan.PlanService;
import se.planbot.problem.InvalidInput;
import se.planbot.signin.OwnerLinks;

/**
 * An owner updates their actions from the reminder mail, in two clicks: the mail's link opens
 * the action's update form, the button saves. The link's token stands for its person only, so
 * the pages show and change that person's actions and no other's; a save is one history entry
 * under the owner's name, through the same rule as the Slack modal.
 *
 * <pre>
 * curl -s 'localhost:7070/admin/update/12?token=TOKEN'
 * curl -s 'localhost:7070/admin/mine?token=TOKEN'
 * </pre>
 */
public final class OwnerUpdatePages {

    private static final int MY_ACTIONS = 200;

    private final PlanService plan;
    private final OwnerLinks links;
    private final Pages pages;

    OwnerUpdatePages(PlanService plan, OwnerLinks links, Pages pages) {
        this.plan = plan;
        this.links = links;
        this.pages = pages;
    }

    /** GET /admin/mine?token=…: the link's person's actions. */
    public void myActions(Context ctx) {
        String token = text(ctx.queryParam("token"));
        Optional<Person> person = links.person(token);
        if (person.isEmpty()) {
            expired(ctx);
            return;
        }
        var model = pages.model(ctx);
        model.put("person", person.get());
        model.put("token", token);
        model.put("actions", ActionViews.views(plan.actionsOf(person.get().id(), 0, MY_ACTIONS).actions(), plan.today(),
                pages.locale(ctx)));
        pages.show(ctx, 200, "console/mine", model);
    }

    /** GET /admin/update/{id}?token=…: the first click, the form. */
    public void updateForm(Context ctx) {
        String token = text(ctx.queryParam("token"));
        withOwnAction(ctx, token, (person, action) -> {
            var model = pages.model(ctx);
            model.put("form", Map.of("status", action.status().code(), "progress", String.valueOf(action.progress()),
                    "note", ""));
            form(ctx, 200, model, token, action);
        });
    }

    /** POST /admin/update/{id}: the second click, saving. */
    public void update(Context ctx) {
        String token = text(ctx.formParam("token"));
        withOwnAction(ctx, token, (person, action) -> {
            String status = text(ctx.formParam("status"));
            String progress = text(ctx.formParam("progress")).replace("%", "").strip();
            String note = text(ctx.formParam("note")).strip();
            var model = pages.model(ctx);
            model.put("form", Map.of("status", status, "progress", progress, "note", note));
            try {
                Action saved = plan.recordUpdate(action.id(), ProgressForm.report(action, status, progress, note),
                        person.name() + " (e-postlänk)");
                model.put("action", ActionViews.view(saved, plan.today(), pages.locale(ctx)));
                model.put("note", note);
                model.put("token", token);
                pages.show(ctx, 200, "console/update-saved", model);
            } catch (InvalidInput invalid) {
                Pages.addErrors(model, invalid.errors());
                form(ctx, 400, model, token, action);
            }
        });
    }

    private void form(Context ctx, int status, Map<String, Object> model, String token, Action action) {
        Locale locale = pages.locale(ctx);
        model.put("action", ActionViews.view(action, plan.today(), locale));
        model.put("statuses", ActionViews.statuses(locale));
        model.put("token", token);
        model.put("noteMax", PlanService.NOTE_MAX);
        pages.show(ctx, status, "console/update", model);
    }

    private interface OwnAction {
        void handle(Person person, Action action);
    }

    /** Runs {@code then} when the token is valid and the action is one its person may update. */
    private void withOwnAction(Context ctx, String token, OwnAction then) {
        Optional<Person> person = links.person(token);
        if (person.isEmpty()) {
            expired(ctx);
            return;
        }
        Optional<Action> action = id(ctx.pathParam("id")).flatMap(plan::action);
        if (action.isEmpty()) {
            pages.notFound(ctx);
            return;
        }
        if (!plan.mayUpdate(person.get(), action.get())) {
            var model = pages.model(ctx);
            model.put("token", token);
            pages.show(ctx, 403, "console/not-yours", model);
            return;
        }
        then.handle(person.get(), action.get());
    }

    private void expired(Context ctx) {
        pages.show(ctx, 404, "console/update-expired", pages.model(ctx));
    }

    private static Optional<Long> id(String text) {
        return text.matches("\\d{1,12}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
