package se.planbot.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.planbot.dialogs.Dialog;
import se.planbot.dialogs.DialogService;
import se.planbot.dialogs.DialogTexts;
import se.planbot.plan.Action;
import se.planbot.plan.ActionStatus;
import se.planbot.plan.Change;
import se.planbot.plan.FieldChange;
import se.planbot.plan.PlanService;
import se.planbot.problem.InvalidInput;
import se.planbot.problem.NotFound;
import se.planbot.proposals.Proposal;
import se.planbot.proposals.ProposalDraft;
import se.planbot.proposals.ProposalEntry;
import se.planbot.proposals.ProposalFilter;
import se.planbot.proposals.ProposalOrigin;
import se.planbot.proposals.ProposalService;
import se.planbot.subscribers.PersonalDataService;

/**
 * Proposals in public: the form (on its own page and on each dialog's page while that takes
 * proposals), every proposal with its state, answer and actions, one proposal's timeline from the
 * dialog to the action done, and the links in the proposer's mails (stop these mails in one
 * click, RFC 8058; download my data). The proposer's name shows only when they agreed to it.
 *
 * <pre>
 * curl -s localhost:7070/proposals
 * curl -s localhost:7070/proposals/1
 * curl -s localhost:7070/proposals/new
 * curl -s -X POST -d 'List-Unsubscribe=One-Click' 'localhost:7070/proposals/stop?token=TOKEN'
 * </pre>
 */
public final class ProposalPages {

    private final ProposalService proposals;
    private final PlanService plan;
    private final DialogService dialogs;
    private final DialogTexts texts;
    private final PersonalDataService personalData;
    private final Pages pages;
    private final RateLimiter limiter;
    private final ObjectMapper json;
    private final ZoneId zone;

    ProposalPages(ProposalService proposals, PlanService plan, DialogService dialogs, DialogTexts texts,
            PersonalDataService personalData, Pages pages, RateLimiter limiter, ObjectMapper json, ZoneId zone) {
        this.proposals = proposals;
        this.plan = plan;
        this.dialogs = dialogs;
        this.texts = texts;
        this.personalData = personalData;
        this.pages = pages;
        this.limiter = limiter;
        this.json = json;
        this.zone = zone;
    }

    public void list(Context ctx) {
        var model = pages.model(ctx);
        Locale locale = pages.locale(ctx);
        var items = new ArrayList<Map<String, Object>>();
        List<Proposal> all = new ArrayList<>(proposals.list(ProposalFilter.all()));
        all.sort(Comparator.comparing(Proposal::id).reversed());
        for (Proposal proposal : all) {
            items.add(summary(proposal, locale));
        }
        model.put("proposals", items);
        pages.show(ctx, 200, "proposals", model);
    }

    public void newPage(Context ctx) {
        form(ctx, 200, pages.model(ctx), null);
    }

    /** The form's page, for {@code /proposals/new} or (with {@code dialog}) a dialog's proposals after a mistake. */
    private void form(Context ctx, int status, Map<String, Object> model, Dialog dialog) {
        addFormModel(model);
        if (dialog != null) {
            model.put("dialog", texts.model(dialog, pages.locale(ctx)));
        }
        pages.show(ctx, status, "proposal-new", model);
    }

    /** What the proposal form needs, on its page and on a dialog's page. */
    void addFormModel(Map<String, Object> model) {
        model.put("strategies", plan.strategies());
        model.put("proposalConsentVersion", proposals.consentVersion());
        model.putIfAbsent("proposalForm", Map.of());
        model.putIfAbsent("proposalErrors", Map.of());
    }

    public boolean formOpen(Dialog dialog) {
        return proposals.formOpen(dialog);
    }

    public void submit(Context ctx) {
        submit(ctx, null);
    }

    public void submitForDialog(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<Dialog> dialog = id.matches("\\d{1,12}") ? dialogs.publicDialog(Long.parseLong(id)) : Optional.empty();
        if (dialog.isEmpty()) {
            pages.notFound(ctx);
            return;
        }
        submit(ctx, dialog.get());
    }

    private void submit(Context ctx, Dialog dialog) {
        String key = "proposal:" + pages.client(ctx);
        if (!limiter.allow(key)) {
            pages.tooMany(ctx, limiter.retryAfter(key).toSeconds());
            return;
        }
        var model = pages.model(ctx);
        String strategyText = ctx.formParam("strategy");
        Integer strategy = strategyText != null && strategyText.matches("\\d{1,2}") ? Integer.parseInt(strategyText) : null;
        String source = dialog == null ? "web:/proposals/new" : "web:/dialogs/" + dialog.id();
        var draft = new ProposalDraft(ctx.formParam("title"), ctx.formParam("description"), strategy,
                dialog == null ? ProposalOrigin.WEB : ProposalOrigin.DIALOG, dialog == null ? null : dialog.id(),
                ctx.formParam("name"), ctx.formParam("company"), ctx.formParam("email"),
                "yes".equals(ctx.formParam("showName")), "yes".equals(ctx.formParam("consent")), pages.locale(ctx),
                source + " consent " + proposals.consentVersion());
        try {
            Proposal proposal = proposals.submitFromForm(draft);
            model.put("proposal", summary(proposal, pages.locale(ctx)));
            model.put("mailed", proposal.hasEmail());
            pages.show(ctx, 200, "proposal-sent", model);
        } catch (InvalidInput e) {
            Pages.addErrors(model, e.errors());
            model.put("proposalErrors", model.get("errors"));
            var form = new LinkedHashMap<String, Object>();
            form.put("title", text(draft.title()));
            form.put("description", text(draft.description()));
            if (strategy != null) {
                form.put("strategy", strategy);
            }
            form.put("name", text(draft.proposerName()));
            form.put("company", text(draft.proposerCompany()));
            form.put("email", text(draft.proposerEmail()));
            form.put("showName", draft.showName());
            form.put("consent", draft.consent());
            model.put("proposalForm", form);
            form(ctx, 400, model, dialog);
        } catch (NotFound e) {
            pages.notFound(ctx);
        }
    }

    public void show(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<Proposal> found = id.matches("\\d{1,12}") ? proposals.proposal(Long.parseLong(id)) : Optional.empty();
        if (found.isEmpty()) {
            pages.notFound(ctx);
            return;
        }
        var model = pages.model(ctx);
        Locale locale = pages.locale(ctx);
        Proposal proposal = found.get();
        model.put("proposal", summary(proposal, locale));
        model.put("timeline", timeline(proposal, locale));
        pages.show(ctx, 200, "proposal", model);
    }

    /** The proposals behind an action, for its public page. */
    List<Map<String, Object>> behind(long actionId, Locale locale) {
        return proposals.behindAction(actionId).stream().map(proposal -> summary(proposal, locale)).toList();
    }

    private Map<String, Object> summary(Proposal proposal, Locale locale) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", proposal.id());
        view.put("title", proposal.title());
        view.put("description", proposal.description());
        view.put("state", proposal.state().code());
        view.put("stateLabel", proposal.state().label(locale));
        view.put("answer", proposal.answer());
        view.put("name", proposal.publicName());
        view.put("company", proposal.publicCompany());
        view.put("origin", proposal.origin().label(locale));
        view.put("date", date(proposal.createdAt(), locale));
        view.put("strategy", proposal.strategyId() == null ? "" : plan.strategy(proposal.strategyId())
                .map(strategy -> strategy.id() + ". " + strategy.title()).orElse(""));
        view.put("dialog", proposal.dialogId() == null ? null : dialogs.publicDialog(proposal.dialogId())
                .map(dialog -> Map.of("id", dialog.id(), "title", dialog.title())).orElse(null));
        view.put("mergedInto", proposal.mergedInto());
        view.put("actions", actions(proposal).stream().map(action -> Map.of("id", action.id(), "code", action.code(),
                "title", action.title(), "status", action.status().label(locale))).toList());
        return view;
    }

    /** The proposal's own actions, or those of the proposal it was merged into. */
    private List<Action> actions(Proposal proposal) {
        var ids = new LinkedHashSet<Long>(proposal.actionIds());
        if (proposal.mergedInto() != null) {
            proposals.proposal(proposal.mergedInto()).ifPresent(target -> ids.addAll(target.actionIds()));
        }
        return ids.stream().map(plan::action).flatMap(Optional::stream).toList();
    }

    /** Dialog → proposal → decision → action → done, each step with its time, oldest first. */
    private List<Map<String, Object>> timeline(Proposal proposal, Locale locale) {
        var steps = new ArrayList<Step>();
        if (proposal.dialogId() != null) {
            dialogs.publicDialog(proposal.dialogId()).ifPresent(dialog -> steps.add(new Step(dialog.startsAt(), "dialog",
                    dialog.title(), "/dialogs/" + dialog.id())));
        }
        for (ProposalEntry entry : proposals.history(proposal.id())) {
            if (!entry.isPublic()) {
                continue; // working-group comments are internal
            }
            switch (entry.kind()) {
                case "created" -> steps.add(new Step(entry.at(), "created", proposal.origin().label(locale), null));
                case "state" -> steps.add(new Step(entry.at(), "state", entry.to().label(locale)
                        + (entry.body().isBlank() ? "" : ": " + entry.body()), null));
                case "linked" -> steps.add(new Step(entry.at(), "linked", entry.body(), null));
                case "anonymised" -> steps.add(new Step(entry.at(), "anonymised", "", null));
                default -> { }
            }
        }
        if (proposal.mergedInto() != null) {
            proposals.proposal(proposal.mergedInto()).ifPresent(target -> steps.add(new Step(
                    proposal.decidedAt() == null ? proposal.updatedAt() : proposal.decidedAt(), "merged",
                    target.title(), "/proposals/" + target.id())));
        }
        for (Action action : actions(proposal)) {
            steps.add(new Step(action.createdAt(), "action", action.code() + " " + action.title(),
                    "/plan/actions/" + action.id()));
            for (Change change : plan.history(action.id())) {
                for (FieldChange field : change.fields()) {
                    if (field.field().equals("status") && field.oldValue() != null) {
                        ActionStatus.fromCode(field.newValue()).filter(status -> status != ActionStatus.PLANNED)
                                .ifPresent(status -> steps.add(new Step(change.at(), "action_" + status.code(),
                                        action.code() + " " + action.title(), "/plan/actions/" + action.id())));
                    }
                }
            }
        }
        steps.sort(Comparator.comparing(Step::at));
        var format = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
        return steps.stream().map(step -> {
            var view = new LinkedHashMap<String, Object>();
            view.put("date", format.format(step.at().atZone(zone)));
            view.put("kind", step.kind());
            view.put("text", step.text());
            view.put("link", step.link());
            return (Map<String, Object>) view;
        }).toList();
    }

    private record Step(Instant at, String kind, String text, String link) {
    }

    /** A link's page: a button whose POST stops the mails (the link alone changes nothing). */
    public void stopPage(Context ctx) {
        String token = text(ctx.queryParam("token"));
        Optional<Proposal> proposal = proposals.forLink(token);
        if (proposal.isEmpty()) {
            pages.badLink(ctx);
            return;
        }
        var model = pages.model(ctx);
        model.put("token", token);
        model.put("already", proposal.get().mailsStopped());
        model.put("proposal", summary(proposal.get(), pages.locale(ctx)));
        pages.show(ctx, 200, "proposal-stop", model);
    }

    /** The button's POST and the RFC 8058 one-click POST: token in the query or the form. */
    public void stop(Context ctx) {
        String token = ctx.queryParam("token");
        if (token == null && ctx.isFormUrlencoded()) {
            token = ctx.formParam("token");
        }
        Optional<Proposal> proposal = proposals.forLink(text(token));
        if (proposal.isEmpty() || !proposals.stopMails(text(token))) {
            pages.badLink(ctx);
            return;
        }
        var model = pages.model(ctx);
        model.put("stopped", true);
        model.put("token", text(token));
        model.put("proposal", summary(proposal.get(), pages.locale(ctx)));
        pages.show(ctx, 200, "proposal-stop", model);
    }

    /** Everything held about the proposer of a mail's link, as the subscribers' "my data" export. */
    public void myData(Context ctx) throws Exception {
        Optional<Proposal> proposal = proposals.forLink(text(ctx.queryParam("token")));
        if (proposal.isEmpty() || !proposal.get().hasEmail()) {
            pages.badLink(ctx);
            return;
        }
        ctx.header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .header("Content-Disposition", "attachment; filename=\"mina-uppgifter.json\"")
                .contentType("application/json; charset=utf-8")
                .result(json.writerWithDefaultPrettyPrinter().writeValueAsString(
                        personalData.export(proposal.get().proposerEmail())));
    }

    private String date(Instant instant, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(instant.atZone(zone));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
