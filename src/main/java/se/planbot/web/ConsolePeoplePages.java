package se.planbot.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.planbot.plan.Person;
import se.planbot.plan.PersonDraft;
import se.planbot.plan.PersonRole;
import se.planbot.plan.PlanService;
import se.planbot.problem.InvalidInput;

/**
 * The console's people: list, add, edit (name, address, Slack id, role), remove. Through
 * {@link PlanService}: a new role or a removal ends the person's sessions (V20), and a removed
 * person's actions keep their history and become ownerless.
 *
 * <pre>
 * curl -s -b planbot_session=SECRET localhost:7070/admin/people
 * </pre>
 */
public final class ConsolePeoplePages {

    private final PlanService plan;
    private final Pages pages;

    ConsolePeoplePages(PlanService plan, Pages pages) {
        this.plan = plan;
        this.pages = pages;
    }

    /** GET /admin/people: everyone, and the form to add one. */
    public void list(Context ctx) {
        var model = model(ctx);
        model.put("form", Map.of("role", PersonRole.OWNER.code()));
        model.put("removed", ctx.queryParam("removed") != null);
        listPage(ctx, 200, model);
    }

    /** POST /admin/people */
    public void add(Context ctx) {
        var model = model(ctx);
        try {
            Person person = plan.createPerson(draft(ctx));
            seeOther(ctx, "/admin/people/" + person.id() + "?saved" + amp(ctx));
        } catch (InvalidInput invalid) {
            Pages.addErrors(model, invalid.errors());
            model.put("form", typed(ctx));
            listPage(ctx, 400, model);
        }
    }

    /** GET /admin/people/{id} */
    public void show(Context ctx) {
        withPerson(ctx, person -> {
            var model = model(ctx);
            var form = new LinkedHashMap<String, String>();
            form.put("name", person.name());
            form.put("email", person.email() == null ? "" : person.email());
            form.put("slackUserId", person.slackUserId() == null ? "" : person.slackUserId());
            form.put("role", person.role().code());
            model.put("form", form);
            model.put("saved", ctx.queryParam("saved") != null);
            personPage(ctx, 200, model, person);
        });
    }

    /** POST /admin/people/{id} */
    public void save(Context ctx) {
        withPerson(ctx, person -> {
            var model = model(ctx);
            try {
                plan.updatePerson(person.id(), draft(ctx));
                seeOther(ctx, "/admin/people/" + person.id() + "?saved" + amp(ctx));
            } catch (InvalidInput invalid) {
                Pages.addErrors(model, invalid.errors());
                model.put("form", typed(ctx));
                personPage(ctx, 400, model, person);
            }
        });
    }

    /** POST /admin/people/{id}/remove: only with the confirmation box ticked. */
    public void remove(Context ctx) {
        withPerson(ctx, person -> {
            var model = model(ctx);
            try {
                if (!"yes".equals(ctx.formParam("confirm"))) {
                    throw new InvalidInput("confirm", "kryssa i rutan om du vill ta bort " + person.name());
                }
                plan.removePerson(person.id(), AccessGuard.person(ctx).name() + " (konsol)");
                seeOther(ctx, "/admin/people?removed" + amp(ctx));
            } catch (InvalidInput invalid) {
                Pages.addErrors(model, invalid.errors());
                model.put("form", Map.of("name", person.name(), "email", text(person.email()),
                        "slackUserId", text(person.slackUserId()), "role", person.role().code()));
                personPage(ctx, 400, model, person);
            }
        });
    }

    private void listPage(Context ctx, int status, Map<String, Object> model) {
        model.put("people", plan.people());
        model.put("roles", roles(model));
        pages.show(ctx, status, "console/people", model);
    }

    private void personPage(Context ctx, int status, Map<String, Object> model, Person person) {
        model.put("person", person);
        model.put("roles", roles(model));
        model.put("actions", ActionViews.views(plan.actionsOf(person.id(), 0, 200).actions(), plan.today(), pages.locale(ctx)));
        pages.show(ctx, status, "console/person", model);
    }

    /** Every role as code and label (from the page texts, {@code console_role_<code>}), for a select. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> roles(Map<String, Object> model) {
        var texts = (Map<String, String>) model.get("t");
        return Arrays.stream(PersonRole.values()).map(role -> Map.of("code", role.code(),
                "label", texts.getOrDefault("console_role_" + role.code(), role.code()))).toList();
    }

    private static PersonDraft draft(Context ctx) {
        String role = text(ctx.formParam("role"));
        Optional<PersonRole> chosen = PersonRole.fromCode(role);
        if (chosen.isEmpty()) {
            throw new InvalidInput("role", "välj en roll i listan");
        }
        return new PersonDraft(text(ctx.formParam("name")), text(ctx.formParam("email")), text(ctx.formParam("slackUserId")),
                chosen.get());
    }

    private static Map<String, String> typed(Context ctx) {
        var form = new LinkedHashMap<String, String>();
        for (String field : List.of("name", "email", "slackUserId", "role")) {
            form.put(field, text(ctx.formParam(field)));
        }
        return form;
    }

    private void withPerson(Context ctx, java.util.function.Consumer<Person> then) {
        String id = ctx.pathParam("id");
        Optional<Person> person = id.matches("\\d{1,12}") ? plan.person(Long.parseLong(id)) : Optional.empty();
        if (person.isEmpty()) {
            pages.show(ctx, 404, "console/not-found", model(ctx));
            return;
        }
        then.accept(person.get());
    }

    private Map<String, Object> model(Context ctx) {
        var model = pages.model(ctx);
        model.put("me", AccessGuard.person(ctx));
        model.put("section", "people");
        return model;
    }

    private String amp(Context ctx) {
        return "en".equals(pages.locale(ctx).getLanguage()) ? "&locale=en" : "";
    }

    private static void seeOther(Context ctx, String location) {
        ctx.redirect(location, HttpStatus.SEE_OTHER);
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
