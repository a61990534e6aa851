package se.planbot.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.planbot.plan.ActionDraft;
import se.planbot.problem.Errors;
import se.planbot.problem.InvalidInput;
import se.planbot.problem.NotFound;
import se.planbot.proposals.Decision;
import se.planbot.proposals.Proposal;
import se.planbot.proposals.ProposalDraft;
import se.planbot.proposals.ProposalEntry;
import se.planbot.proposals.ProposalFilter;
import se.planbot.proposals.ProposalOrigin;
import se.planbot.proposals.ProposalPatch;
import se.planbot.proposals.ProposalService;
import se.planbot.proposals.ProposalState;

/**
 * The coordinator's proposal API (token required: proposals hold proposers' contact details).
 *
 * <pre>
 * curl -s -H "Authorization: Bearer $TOKEN" 'localhost:7070/api/v1/proposals?state=received&amp;year=2026'
 * curl -s -H "Authorization: Bearer $TOKEN" -X POST localhost:7070/api/v1/proposals -d '{"title":"Gemensam
 *      rekryteringsmässa","origin":"meeting","strategy":2,"name":"Eva Ek","email":"eva@ek.se","consent":true}'
 * curl -s -H "Authorization: Bearer $TOKEN" -X PATCH localhost:7070/api/v1/proposals/1 -d '{"state":"under_review"}'
 * curl -s -H "Authorization: Bearer $TOKEN" -X POST localhost:7070/api/v1/proposals/1/decision
 *      -d '{"decision":"accepted","answer":"Blir åtgärd P.1","newAction":{"ownerId":2,"deadline":"2027-06-30"}}'
 * </pre>
 */
public final class ProposalApi {

    private static final Set<String> CREATE_FIELDS = Set.of("title", "description", "strategy", "origin", "dialogId",
            "name", "company", "email", "showName", "consent", "language");
    private static final Set<String> PATCH_FIELDS = Set.of("title", "description", "strategy", "state", "note");
    private static final Set<String> DECISION_FIELDS = Set.of("decision", "answer", "actionId", "actionIds",
            "newAction", "mergedInto");
    private static final Set<String> ACTION_FIELDS = Set.of("code", "title", "description", "strategy", "ownerId",
            "department", "startDate", "deadline");
    private static final String STATES = "received, under_review, accepted, rejected eller merged";

    private final ProposalService proposals;
    private final ObjectMapper json;

    ProposalApi(ProposalService proposals, ObjectMapper json) {
        this.proposals = proposals;
        this.json = json;
    }

    public void list(Context ctx) {
        var errors = new Errors();
        Long dialog = number(ctx, "dialog", errors);
        Long year = number(ctx, "year", errors);
        Long strategy = number(ctx, "strategy", errors);
        String stateText = ctx.queryParam("state");
        ProposalState state = null;
        if (stateText != null && !stateText.isBlank()) {
            state = ProposalState.of(stateText.trim()).orElse(null);
            if (state == null) {
                errors.add("state", "'" + stateText + "' är inget läge; välj " + STATES);
            }
        }
        errors.throwIfAny();
        var filter = new ProposalFilter(dialog, year == null ? null : year.intValue(), state,
                strategy == null ? null : strategy.intValue());
        ctx.json(proposals.list(filter).stream().map(ProposalApi::view).toList());
    }

    public void create(Context ctx) {
        var body = JsonBody.parse(json, ctx.body(), CREATE_FIELDS);
        String originText = body.text("origin");
        ProposalOrigin origin = body.word("origin", ProposalOrigin::of, "välj dialog, web, email eller meeting");
        Long dialogId = body.number("dialogId");
        if (originText == null && !body.errors().has("origin")) {
            origin = dialogId != null ? ProposalOrigin.DIALOG : null;
        }
        String language = body.word("language", code -> Optional.of(code).filter(Set.of("sv", "en")::contains),
                "sv eller en");
        var draft = new ProposalDraft(body.text("title"), body.text("description"), body.integer("strategy"), origin,
                dialogId, body.text("name"), body.text("company"), body.text("email"), body.flag("showName", false),
                body.flag("consent", false), Locale.forLanguageTag(language == null ? "sv" : language),
                "api:" + AccessGuard.client(ctx).name());
        body.errors().throwIfAny();
        Proposal created = proposals.register(draft, AccessGuard.client(ctx).actor());
        ctx.status(201).header("Location", "/api/v1/proposals/" + created.id()).json(detail(created));
    }

    public void show(Context ctx) {
        ctx.json(detail(proposals.require(id(ctx))));
    }

    public void patch(Context ctx) {
        long id = id(ctx);
        proposals.require(id);
        var body = JsonBody.parse(json, ctx.body(), PATCH_FIELDS);
        ProposalState state = body.word("state", ProposalState::of, "välj received eller under_review");
        boolean clearStrategy = body.nulls().contains("strategy");
        var patch = new ProposalPatch(body.text("title"), body.text("description"), body.integer("strategy"),
                clearStrategy, state, body.text("note"));
        body.errors().throwIfAny();
        ctx.json(detail(proposals.patch(id, patch, AccessGuard.client(ctx).actor())));
    }

    public void decide(Context ctx) {
        long id = id(ctx);
        proposals.require(id);
        var body = JsonBody.parse(json, ctx.body(), DECISION_FIELDS);
        ProposalState decision = body.word("decision", code -> ProposalState.of(code).filter(ProposalState::isDecided),
                "välj accepted, rejected eller merged");
        if (!body.has("decision") && !body.errors().has("decision")) {
            body.errors().add("decision", "ange accepted, rejected eller merged");
        }
        var actionIds = new ArrayList<Long>();
        Long one = body.number("actionId");
        if (one != null) {
            actionIds.add(one);
        }
        JsonNode root = tree(ctx.body());
        if (root.hasNonNull("actionIds")) {
            JsonNode list = root.get("actionIds");
            if (!list.isArray()) {
                body.errors().add("actionIds", "ska vara en lista av åtgärders id, t.ex. [12, 14]");
            } else {
                for (JsonNode item : list) {
                    if (item.isIntegralNumber() && item.canConvertToLong()) {
                        actionIds.add(item.longValue());
                    } else {
                        body.errors().add("actionIds", "ska vara en lista av åtgärders id, t.ex. [12, 14]");
                        break;
                    }
                }
            }
        }
        ActionDraft newAction = null;
        if (root.hasNonNull("newAction")) {
            JsonNode node = root.get("newAction");
            if (!node.isObject()) {
                body.errors().add("newAction", "ska vara ett objekt, t.ex. {\"ownerId\": 2} (tomt {} fyller i från förslaget)");
            } else {
                var action = JsonBody.parse(json, node.toString(), ACTION_FIELDS);
                newAction = new ActionDraft(action.text("code"), action.text("title"), action.text("description"),
                        action.integer("strategy"), action.number("ownerId"), action.text("department"),
                        action.date("startDate"), action.date("deadline"), null, null, "proposal");
                action.errors().addTo("newAction.", body.errors());
            }
        }
        var decisionValue = new Decision(decision, body.text("answer"), actionIds, newAction, body.number("mergedInto"));
        body.errors().throwIfAny();
        ctx.json(detail(proposals.decide(id, decisionValue, AccessGuard.client(ctx).actor())));
    }

    private JsonNode tree(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new InvalidInput("body", "ogiltig JSON"); // JsonBody.parse read it already
        }
    }

    static Map<String, Object> view(Proposal proposal) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", proposal.id());
        view.put("title", proposal.title());
        view.put("description", proposal.description());
        view.put("strategy", proposal.strategyId());
        view.put("origin", proposal.origin().code());
        view.put("dialogId", proposal.dialogId());
        view.put("state", proposal.state().code());
        view.put("answer", proposal.answer());
        view.put("mergedInto", proposal.mergedInto());
        view.put("actionIds", proposal.actionIds());
        var proposer = new LinkedHashMap<String, Object>();
        proposer.put("name", proposal.proposerName());
        proposer.put("company", proposal.proposerCompany());
        proposer.put("email", proposal.proposerEmail());
        proposer.put("language", proposal.locale().getLanguage());
        proposer.put("showName", proposal.showName());
        proposer.put("consentVersion", proposal.consentVersion());
        proposer.put("anonymised", proposal.anonymisedAt() != null);
        view.put("proposer", proposer);
        view.put("createdAt", proposal.createdAt().toString());
        view.put("decidedAt", proposal.decidedAt() == null ? null : proposal.decidedAt().toString());
        view.put("page", "/proposals/" + proposal.id());
        return view;
    }

    private Map<String, Object> detail(Proposal proposal) {
        var view = view(proposal);
        view.put("history", proposals.history(proposal.id()).stream().map(ProposalApi::view).toList());
        return view;
    }

    private static Map<String, Object> view(ProposalEntry entry) {
        var view = new LinkedHashMap<String, Object>();
        view.put("at", entry.at().toString());
        view.put("by", entry.actor());
        view.put("kind", entry.kind());
        view.put("from", entry.from() == null ? null : entry.from().code());
        view.put("to", entry.to() == null ? null : entry.to().code());
        view.put("text", entry.body());
        view.put("public", entry.isPublic());
        return view;
    }

    private static Long number(Context ctx, String name, Errors errors) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!text.trim().matches("\\d{1,12}")) {
            errors.add(name, "'" + text + "' är inget nummer");
            return null;
        }
        return Long.parseLong(text.trim());
    }

    private static long id(Context ctx) {
        String text = ctx.pathParam("id");
        if (!text.matches("\\d{1,12}")) {
            throw new NotFound("Förslag '" + text + "' finns inte (id ska vara ett nummer)");
        }
        return Long.parseLong(text);
    }
}
