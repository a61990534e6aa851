package se.planbot.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import se.planbot.plan.Action;
import se.planbot.plan.ActionDraft;
import se.planbot.plan.ActionFilter;
import se.planbot.plan.ActionPage;
import se.planbot.plan.ActionStatus;
import se.planbot.plan.Change;
import se.planbot.plan.Person;
import se.planbot.plan.PersonDraft;
import se.planbot.plan.PersonRole;
import se.planbot.plan.PlanService;
import se.planbot.plan.ProgressUpdate;
import se.planbot.problem.Errors;
import se.planbot.problem.NotFound;

/**
 * The action plan's JSON API. Reads are public; writes and people (emails) need a token (see the route table).
 *
 * <pre>
 * curl -s localhost:7070/api/v1/strategies
 * curl -s 'localhost:7070/api/v1/actions?overdue=true'
 * curl -s 'localhost:7070/api/v1/actions?strategy=2&amp;status=in_progress&amp;q=turism'
 * curl -si 'localhost:7070/api/v1/actions?limit=50&amp;offset=100'     # X-Total-Count and Link: rel="next"
 * curl -s localhost:7070/api/v1/actions/12
 * curl -s -H "Authorization: Bearer $TOKEN" -X POST localhost:7070/api/v1/actions \
 *      -d '{"code":"2.9","title":"Ny åtgärd","strategy":2,"deadline":"2027-03-31"}'
 * curl -s -H "Authorization: Bearer $TOKEN" -X PATCH localhost:7070/api/v1/actions/12 -d '{"deadline":"2027-01-31"}'
 * curl -s -H "Authorization: Bearer $TOKEN" -X POST localhost:7070/api/v1/actions/12/updates \
 *      -d '{"status":"in_progress","progress":40,"note":"Första mötet hållet"}'
 * curl -s -H "Authorization: Bearer $TOKEN" localhost:7070/api/v1/people
 * </pre>
 */
public final class PlanApi {

    private static final Set<String> ACTION_FIELDS = Set.of("code", "title", "description", "strategy", "ownerId",
            "department", "startDate", "deadline", "status", "progress", "origin", "note", "notePublic");
    private static final Set<String> UPDATE_FIELDS = Set.of("status", "progress", "note", "notePublic");
    private static final Set<String> PERSON_FIELDS = Set.of("name", "email", "slackUserId", "role");
    private static final String STATUSES = "tillåtna: planned, in_progress, done, cancelled";

    private final PlanService plan;
    private final ObjectMapper json;
    private final Map<String, Object> program;

    public PlanApi(PlanService plan, ObjectMapper json, Map<String, Object> program) {
        this.plan = plan;
        this.json = json;
        this.program = program;
    }

    public void program(Context ctx) {
        ctx.json(program);
    }

    public void strategies(Context ctx) {
        ctx.json(plan.strategies());
    }

    public void people(Context ctx) {
        ctx.json(plan.people().stream().map(PlanApi::view).toList());
    }

    public void showPerson(Context ctx) {
        long id = pathId(ctx, "Person");
        ctx.json(view(plan.person(id).orElseThrow(() -> new NotFound("Person " + id + " finns inte"))));
    }

    public void listActions(Context ctx) {
        var errors = new Errors();
        Integer strategy = intParam(ctx, "strategy", errors);
        Long owner = ctx.queryParam("owner") == null ? null : longParam(ctx, "owner", errors);
        ActionStatus status = null;
        String statusText = ctx.queryParam("status");
        if (statusText != null && !statusText.isBlank()) {
            status = ActionStatus.fromCode(statusText).orElse(null);
            if (status == null) {
                errors.add("status", "'" + statusText + "' är ingen status; " + STATUSES);
            }
        }
        String overdue = ctx.queryParam("overdue");
        if (overdue != null && !overdue.equals("true") && !overdue.equals("false")) {
            errors.add("overdue", "ska vara true eller false");
        }
        if (strategy != null && plan.strategy(strategy).isEmpty()) {
            errors.add("strategy", "strategi " + strategy + " finns inte; se GET /api/v1/strategies");
        }
        if (owner != null && plan.person(owner).isEmpty()) {
            errors.add("owner", "det finns ingen person med id " + owner);
        }
        ApiPage page = ApiPage.of(ctx, errors);
        errors.throwIfAny();
        var filter = new ActionFilter(strategy, status, owner, "true".equals(overdue), ctx.queryParam("q"));
        LocalDate today = plan.today();
        ActionPage actions = plan.actions(filter, page.offset(), page.limit());
        page.describe(ctx, actions.total());
        ctx.json(actions.actions().stream().map(action -> view(action, today)).toList());
    }

    public void showAction(Context ctx) {
        Action action = plan.requireAction(pathId(ctx));
        var body = view(action, plan.today());
        // A public read: internal notes are left out (their entry and field changes stay).
        body.put("history", plan.history(action.id()).stream().map(PlanApi::view).toList());
        ctx.json(body);
    }

    public void createAction(Context ctx) {
        var client = AccessGuard.client(ctx);
        var body = JsonBody.parse(json, ctx.body(), ACTION_FIELDS);
        ActionDraft draft = draft(body);
        String note = body.text("note");
        boolean notePublic = body.flag("notePublic", false);
        body.errors().throwIfAny();
        Action created = plan.createAction(draft, note, notePublic, client.actor());
        ctx.status(201).header("Location", "/api/v1/actions/" + created.id()).json(view(created, plan.today()));
    }

    public void patchAction(Context ctx) {
        var client = AccessGuard.client(ctx);
        long id = pathId(ctx);
        plan.requireAction(id);
        var body = JsonBody.parse(json, ctx.body(), ACTION_FIELDS);
        ActionDraft patch = draft(body);
        String note = body.text("note");
        boolean notePublic = body.flag("notePublic", false);
        var cleared = body.nulls();
        cleared.retainAll(ACTION_FIELDS);
        cleared.remove("note");
        cleared.remove("notePublic");
        ActionDraft.unclearable(cleared).forEach(error -> body.errors().add(error.field(), error.message()));
        body.errors().throwIfAny();
        ctx.json(view(plan.patchAction(id, patch, cleared, note, notePublic, client.actor()), plan.today()));
    }

    public void recordUpdate(Context ctx) {
        var client = AccessGuard.client(ctx);
        long id = pathId(ctx);
        plan.requireAction(id);
        var body = JsonBody.parse(json, ctx.body(), UPDATE_FIELDS);
        var update = new ProgressUpdate(
                body.word("status", ActionStatus::fromCode, STATUSES),
                body.integer("progress"),
                body.text("note"),
                body.flag("notePublic", false));
        body.errors().throwIfAny();
        Action updated = plan.recordUpdate(id, update, client.actor());
        ctx.status(201).json(view(updated, plan.today()));
    }

    public void createPerson(Context ctx) {
        var body = JsonBody.parse(json, ctx.body(), PERSON_FIELDS);
        var draft = new PersonDraft(body.text("name"), body.text("email"), body.text("slackUserId"),
                body.word("role", PersonRole::fromCode, "tillåtna: coordinator, owner, working_group"));
        body.errors().throwIfAny();
        Person person = plan.createPerson(draft);
        ctx.status(201).header("Location", "/api/v1/people/" + person.id()).json(view(person));
    }

    /** A person as the API reads them back: the role as its code ("owner"), the same word a POST takes. */
    private static Map<String, Object> view(Person person) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", person.id());
        view.put("name", person.name());
        view.put("email", person.email());
        view.put("slackUserId", person.slackUserId());
        view.put("role", person.role() == null ? null : person.role().code());
        return view;
    }

    private static ActionDraft draft(JsonBody body) {
        return new ActionDraft(
                body.text("code"),
                body.text("title"),
                body.text("description"),
                body.integer("strategy"),
                body.number("ownerId"),
                body.text("department"),
                body.date("startDate"),
                body.date("deadline"),
                body.word("status", ActionStatus::fromCode, STATUSES),
                body.integer("progress"),
                body.text("origin"));
    }

    /** An action as the API shows it: no owner email (personal data), overdue derived for today. */
    static Map<String, Object> view(Action action, LocalDate today) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", action.id());
        view.put("code", action.code());
        view.put("title", action.title());
        view.put("description", action.description());
        view.put("strategy", action.strategyId());
        view.put("ownerId", action.ownerId());
        view.put("owner", action.ownerName());
        view.put("department", action.department());
        view.put("startDate", action.startDate());
        view.put("deadline", action.deadline());
        view.put("status", action.status().code());
        view.put("progress", action.progress());
        view.put("overdue", action.isOverdue(today));
        view.put("origin", action.origin());
        view.put("updatedAt", action.updatedAt());
        return view;
    }

    static Map<String, Object> view(Change change) {
        var view = new LinkedHashMap<String, Object>();
        view.put("at", change.at());
        view.put("by", change.actor());
        view.put("note", change.publicNote());
        view.put("notePublic", change.notePublic());
        view.put("changes", change.fields().stream().map(field -> {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("field", field.field());
            entry.put("from", field.oldValue());
            entry.put("to", field.newValue());
            return entry;
        }).toList());
        return view;
    }

    private static long pathId(Context ctx) {
        return pathId(ctx, "Åtgärd");
    }

    private static long pathId(Context ctx, String what) {
        String text = ctx.pathParam("id");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new NotFound(what + " '" + text + "' finns inte (id ska vara ett nummer)");
        }
    }

    private static Integer intParam(Context ctx, String name, Errors errors) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            errors.add(name, "'" + text + "' är inget heltal");
            return null;
        }
    }

    private static Long longParam(Context ctx, String name, Errors errors) {
        Integer value = intParam(ctx, name, errors);
        return value == null ? null : value.longValue();
    }
}
