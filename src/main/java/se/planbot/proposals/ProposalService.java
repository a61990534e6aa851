package se.planbot.proposals;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.planbot.db.Database;
import se.planbot.dialogs.Dialog;
import se.planbot.dialogs.DialogService;
import se.planbot.dialogs.DialogState;
import se.planbot.outbox.Outbox;
import se.planbot.plan.Action;
import se.planbot.plan.ActionDraft;
import se.planbot.plan.PlanService;
import se.planbot.plan.Strategy;
import se.planbot.problem.Conflict;
import se.planbot.problem.Errors;
import se.planbot.problem.InputText;
import se.planbot.problem.InvalidInput;
import se.planbot.problem.NotFound;
import se.planbot.subscribers.LinkTokens;

/**
 * Proposals' rules: how one comes in (a dialog's page, the web form, the coordinator), how it is
 * reviewed (under review, comments) and decided (accepted into a new or existing actions, rejected
 * with a public answer, merged into another), each step one history entry and, for the proposer,
 * one mail queued in the same transaction. A decision on a decided proposal is a {@link Conflict}
 * and changes nothing.
 */
public final class ProposalService {

    /** Actions made from proposals get codes P.1, P.2, … unless the coordinator gives one. */
    static final String CODE_PREFIX = "P.";
    static final String WEB_ACTOR = "webbformulär";

    private final Database database;
    private final PlanService plan;
    private final DialogService dialogs;
    private final Clock clock;
    private final ZoneId zone;
    private final String consentVersion;
    private final Duration formAfterDialog;
    private final ProposalStore store = new ProposalStore();
    private final ProposalMails mails;

    public ProposalService(Database database, PlanService plan, DialogService dialogs, Outbox outbox, Clock clock,
            ZoneId zone, String baseUrl, String consentVersion, int formDaysAfterDialog) {
        this.database = database;
        this.plan = plan;
        this.dialogs = dialogs;
        this.clock = clock;
        this.zone = zone;
        this.consentVersion = consentVersion;
        this.formAfterDialog = Duration.ofDays(formDaysAfterDialog);
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.mails = new ProposalMails(outbox, store, base, clock);
    }

    public String consentVersion() {
        return consentVersion;
    }

    /** The strategies a proposal may suggest (for the forms). */
    public List<Strategy> strategies() {
        return plan.strategies();
    }

    ProposalStore store() {
        return store;
    }

    ProposalMails mails() {
        return mails;
    }

    PlanService plan() {
        return plan;
    }

    /** True while a dialog's page takes proposals: published, from its start until the configured days after its end. */
    public boolean formOpen(Dialog dialog) {
        Instant now = clock.instant();
        return dialog.state() == DialogState.PUBLISHED && !now.isBefore(dialog.startsAt())
                && now.isBefore(dialog.endsAt().plus(formAfterDialog));
    }

    /** A proposal from a public form ({@code /proposals/new}, or a dialog's page while its form is open). */
    public Proposal submitFromForm(ProposalDraft draft) {
        if (draft.origin() == ProposalOrigin.DIALOG) {
            Dialog dialog = draft.dialogId() == null ? null : dialogs.publicDialog(draft.dialogId()).orElse(null);
            if (dialog == null) {
                throw new NotFound("Dialog " + draft.dialogId() + " finns inte");
            }
            if (!formOpen(dialog)) {
                throw new InvalidInput("dialogId", "dialogen tar inte emot förslag nu; lämna förslaget på /proposals/new");
            }
        } else if (draft.origin() != ProposalOrigin.WEB) {
            throw new InvalidInput("origin", "formuläret tar bara förslag från webben eller en dialog");
        }
        return create(draft, WEB_ACTOR);
    }

    /** A proposal registered by the coordinator (API, console): any origin; a dialog must exist and not be a draft. */
    public Proposal register(ProposalDraft draft, String actor) {
        return registerAll(List.of(draft), actor).get(0);
    }

    /**
     * Many proposals at once (after a workshop): all are checked first, and either all are saved
     * or none. Errors name the line: {@code rad 3: title}.
     */
    public List<Proposal> registerAll(List<ProposalDraft> drafts, String actor) {
        var labels = new ArrayList<String>();
        for (int i = 0; i < drafts.size(); i++) {
            labels.add(drafts.size() == 1 ? "" : "rad " + (i + 1) + ": ");
        }
        return registerAll(drafts, labels, actor);
    }

    /**
     * The proposals of a workshop written one per line (empty lines skipped): each line a title,
     * optionally "rubrik: beskrivning". All or nothing.
     */
    public List<Proposal> registerLines(String text, ProposalOrigin origin, Long dialogId, String actor) {
        var drafts = new ArrayList<ProposalDraft>();
        var labels = new ArrayList<String>();
        String[] lines = (text == null ? "" : text).split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(": ");
            String title = colon > 0 ? line.substring(0, colon) : line;
            String description = colon > 0 ? line.substring(colon + 2) : "";
            drafts.add(new ProposalDraft(title, description, null, origin, dialogId, "", "", null, false, false,
                    java.util.Locale.forLanguageTag("sv"), "console"));
            labels.add("rad " + (i + 1) + ": ");
        }
        return registerAll(drafts, labels, actor);
    }

    /**
     * The proposals of an uploaded sheet ({@link se.planbot.plan.Spreadsheets}): columns rubrik/title,
     * beskrivning/description, strategi/strategy, namn/name, företag/company, e-post/email,
     * samtycke/consent (ja/yes; needed with contact details), visa namn/show name. All or nothing,
     * every mistake named by its row.
     */
    public List<Proposal> registerRows(List<Map<String, String>> rows, ProposalOrigin origin, Long dialogId,
            String actor) {
        var drafts = new ArrayList<ProposalDraft>();
        var labels = new ArrayList<String>();
        var errors = new ArrayList<se.planbot.problem.FieldError>();
        for (Map<String, String> row : rows) {
            String label = "rad " + row.get(se.planbot.plan.Spreadsheets.ROW) + ": ";
            String strategyText = cell(row, "strategi", "strategy");
            Integer strategy = null;
            if (strategyText.matches("\\d{1,2}.*")) {
                strategy = Integer.parseInt(strategyText.replaceAll("^(\\d{1,2}).*", "$1"));
            } else if (!strategyText.isEmpty()) {
                errors.add(new se.planbot.problem.FieldError("strategy", label + "'" + strategyText
                        + "' är ingen strategi; skriv dess nummer, t.ex. 2"));
            }
            drafts.add(new ProposalDraft(cell(row, "rubrik", "title", "förslag"), cell(row, "beskrivning", "description"),
                    strategy, origin, dialogId, cell(row, "namn", "name"), cell(row, "företag", "company"),
                    cell(row, "e-post", "email"), yes(cell(row, "visa namn", "show name")),
                    yes(cell(row, "samtycke", "consent")), java.util.Locale.forLanguageTag("sv"), "console:upload"));
            labels.add(label);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return registerAll(drafts, labels, actor);
    }

    private static String cell(Map<String, String> row, String... headings) {
        for (String heading : headings) {
            String value = row.get(heading);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return "";
    }

    private static boolean yes(String value) {
        return java.util.Set.of("ja", "yes", "x", "1", "true").contains(value.toLowerCase(java.util.Locale.ROOT));
    }

    private List<Proposal> registerAll(List<ProposalDraft> drafts, List<String> labels, String actor) {
        if (drafts.isEmpty()) {
            throw new InvalidInput("proposals", "inga förslag att registrera");
        }
        List<Strategy> strategies = plan.strategies();
        var clean = new ArrayList<ProposalDraft>();
        var dialogTitles = new ArrayList<String>();
        var errors = new ArrayList<se.planbot.problem.FieldError>();
        for (int i = 0; i < drafts.size(); i++) {
            String prefix = labels.get(i);
            try {
                ProposalDraft checked = ProposalRules.check(drafts.get(i), strategies);
                String dialogTitle = null;
                if (checked.dialogId() != null) {
                    var dialog = dialogs.publicDialog(checked.dialogId());
                    if (dialog.isEmpty()) {
                        errors.add(new se.planbot.problem.FieldError("dialogId",
                                prefix + "dialog " + checked.dialogId() + " finns inte"));
                        continue;
                    }
                    dialogTitle = dialog.get().title();
                }
                clean.add(checked);
                dialogTitles.add(dialogTitle);
            } catch (InvalidInput e) {
                e.errors().forEach(error -> errors.add(new se.planbot.problem.FieldError(error.field(),
                        prefix + error.message())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return database.write(connection -> {
            var created = new ArrayList<Proposal>();
            for (int i = 0; i < clean.size(); i++) {
                created.add(insert(connection, clean.get(i), dialogTitles.get(i), actor));
            }
            return created;
        });
    }

    private Proposal create(ProposalDraft draft, String actor) {
        ProposalDraft clean = ProposalRules.check(draft, plan.strategies());
        String dialogTitle = clean.dialogId() == null ? null
                : dialogs.publicDialog(clean.dialogId()).map(Dialog::title)
                        .orElseThrow(() -> new NotFound("Dialog " + clean.dialogId() + " finns inte"));
        return database.write(connection -> insert(connection, clean, dialogTitle, actor));
    }

    private Proposal insert(Connection connection, ProposalDraft clean, String dialogTitle, String actor)
            throws SQLException {
        Instant now = clock.instant();
        long id = store.insert(connection, clean, clean.proposerEmail(), consentVersion, now);
        store.addEntry(connection, id, now, actor, "created", null, ProposalState.RECEIVED, "", true);
        Proposal proposal = store.byId(connection, id).orElseThrow();
        if (proposal.hasEmail()) {
            mails.receipt(connection, proposal, dialogTitle);
        }
        return proposal;
    }

    public Optional<Proposal> proposal(long id) {
        return database.read(connection -> store.byId(connection, id));
    }

    public Proposal require(long id) {
        return proposal(id).orElseThrow(() -> new NotFound("Förslag " + id + " finns inte"));
    }

    /** The proposals passing {@code filter}, oldest first, with their linked actions. */
    public List<Proposal> list(ProposalFilter filter) {
        return database.read(connection -> list(connection, filter));
    }

    /** As {@link #list(ProposalFilter)}, in the caller's transaction (reports, the digest). */
    public List<Proposal> list(Connection connection, ProposalFilter filter) throws SQLException {
        return store.all(connection).stream().filter(proposal -> matches(proposal, filter)).toList();
    }

    private boolean matches(Proposal proposal, ProposalFilter filter) {
        return (filter.dialogId() == null || filter.dialogId().equals(proposal.dialogId()))
                && (filter.state() == null || filter.state() == proposal.state())
                && (filter.strategyId() == null || filter.strategyId().equals(proposal.strategyId()))
                && (filter.year() == null || proposal.createdAt().atZone(zone).getYear() == filter.year());
    }

    /** The whole history, comments included (staff); the public pages show only {@code isPublic} entries. */
    public List<ProposalEntry> history(long id) {
        return database.read(connection -> store.history(connection, id));
    }

    /** The proposals behind an action (accepted into it or linked to it). */
    public List<Proposal> behindAction(long actionId) {
        return database.read(connection -> {
            var result = new ArrayList<Proposal>();
            for (long id : store.proposalsBehind(connection, actionId)) {
                store.byId(connection, id).ifPresent(result::add);
            }
            return result;
        });
    }

    /** Changes text, strategy or review state of an undecided proposal; one history entry. */
    public Proposal patch(long id, ProposalPatch patch, String actor) {
        refuseDecided(require(id), "ändras");
        List<Strategy> strategies = plan.strategies();
        var errors = new Errors();
        String title = patch.title() == null ? null : ProposalRules.title(patch.title(), errors);
        String description = patch.description() == null ? null : ProposalRules.description(patch.description(), errors);
        ProposalRules.strategy(patch.strategyId(), strategies, errors);
        if (patch.state() != null && patch.state().isDecided()) {
            errors.add("state", "ett beslut fattas med POST /api/v1/proposals/{id}/decision");
        }
        InputText.text(errors, "note", "anteckningen", patch.note(), InputText.NOTE_MAX);
        errors.throwIfAny();
        return database.write(connection -> {
            Proposal current = store.byId(connection, id).orElseThrow(() -> new NotFound("Förslag " + id + " finns inte"));
            refuseDecided(current, "ändras");
            Instant now = clock.instant();
            String newTitle = title != null ? title : current.title();
            String newDescription = description != null ? description : current.description();
            Integer newStrategy = patch.clearStrategy() ? null : patch.strategyId() != null ? patch.strategyId()
                    : current.strategyId();
            var changed = new ArrayList<String>();
            if (!newTitle.equals(current.title())) {
                changed.add("rubrik");
            }
            if (!newDescription.equals(current.description())) {
                changed.add("beskrivning");
            }
            if (!java.util.Objects.equals(newStrategy, current.strategyId())) {
                changed.add("strategi");
            }
            if (!changed.isEmpty()) {
                store.updateText(connection, id, newTitle, newDescription, newStrategy, now);
                store.addEntry(connection, id, now, actor, "edit", null, null, "Ändrade " + String.join(", ", changed), false);
            }
            if (patch.state() != null && patch.state() != current.state()) {
                store.setState(connection, id, patch.state(), current.answer(), null, now);
                store.addEntry(connection, id, now, actor, "state", current.state(), patch.state(),
                        patch.note() == null ? "" : patch.note().trim(), false);
            } else if (patch.note() != null && !patch.note().isBlank()) {
                store.addEntry(connection, id, now, actor, "comment", null, null, patch.note().trim(), false);
            }
            return store.byId(connection, id).orElseThrow();
        });
    }

    /** An internal comment of the working group or the coordinator (never public). */
    public ProposalEntry comment(long id, String text, String actor) {
        var errors = new Errors();
        if (text == null || text.isBlank()) {
            errors.add("comment", "skriv en kommentar");
        }
        InputText.text(errors, "comment", "kommentaren", text, ProposalRules.ANSWER_MAX);
        errors.throwIfAny();
        return database.write(connection -> {
            store.byId(connection, id).orElseThrow(() -> new NotFound("Förslag " + id + " finns inte"));
            store.addEntry(connection, id, clock.instant(), actor, "comment", null, null, text.trim(), false);
            List<ProposalEntry> all = store.history(connection, id);
            return all.get(all.size() - 1);
        });
    }

    /**
     * The coordinator's decision; one history entry with the answer, the proposer's mail queued.
     * Refused with {@link Conflict} when already decided, and with {@link InvalidInput} naming the
     * field when incomplete; either way nothing is changed.
     */
    public Proposal decide(long id, Decision decision, String actor) {
        // A decided proposal says so first, whatever else the request gets wrong.
        refuseDecided(require(id), "avgöras igen");
        var errors = new Errors();
        if (decision.decision() == null || !decision.decision().isDecided()) {
            errors.add("decision", "ange accepted, rejected eller merged");
        }
        String answer = decision.answer() == null ? "" : decision.answer().trim();
        InputText.text(errors, "answer", "svaret", answer, ProposalRules.ANSWER_MAX);
        List<Long> actionIds = decision.actionIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(decision.actionIds()));
        if (decision.decision() == ProposalState.REJECTED && answer.isEmpty()) {
            errors.add("answer", "ett avslag behöver ett svar till förslagsställaren (det visas också öppet)");
        }
        if (decision.decision() == ProposalState.ACCEPTED && actionIds.isEmpty() && decision.newAction() == null) {
            errors.add("actionId", "ange en befintlig åtgärd (actionId) eller en ny (newAction) för förslaget");
        }
        if (decision.decision() == ProposalState.MERGED && decision.mergedInto() == null) {
            errors.add("mergedInto", "ange förslaget som det slås samman med (mergedInto)");
        }
        if (decision.decision() != ProposalState.ACCEPTED && (!actionIds.isEmpty() || decision.newAction() != null)) {
            errors.add("actionId", "åtgärder anges bara när förslaget antas (accepted)");
        }
        if (decision.decision() == ProposalState.MERGED && id == (decision.mergedInto() == null ? -1 : decision.mergedInto())) {
            errors.add("mergedInto", "ett förslag kan inte slås samman med sig självt");
        }
        errors.throwIfAny();
        return database.write(connection -> {
            Proposal current = store.byId(connection, id).orElseThrow(() -> new NotFound("Förslag " + id + " finns inte"));
            refuseDecided(current, "avgöras igen");
            Instant now = clock.instant();
            var linked = new ArrayList<Action>();
            String mergedTitle = null;
            var fieldErrors = new Errors();
            for (long actionId : actionIds) {
                plan.action(connection, actionId).ifPresentOrElse(linked::add,
                        () -> fieldErrors.add("actionId", "åtgärd " + actionId + " finns inte"));
            }
            if (decision.decision() == ProposalState.MERGED) {
                var target = store.byId(connection, decision.mergedInto());
                if (target.isEmpty()) {
                    fieldErrors.add("mergedInto", "förslag " + decision.mergedInto() + " finns inte");
                } else if (target.get().state() == ProposalState.MERGED || target.get().state() == ProposalState.REJECTED) {
                    fieldErrors.add("mergedInto", "förslag " + decision.mergedInto() + " är "
                            + target.get().state().label(null).toLowerCase(java.util.Locale.ROOT)
                            + "; slå samman med ett förslag som lever");
                } else {
                    mergedTitle = target.get().title();
                }
            }
            fieldErrors.throwIfAny();
            if (decision.newAction() != null) {
                linked.add(plan.createAction(connection, prefilled(connection, current, decision.newAction()), actor,
                        "Från förslag " + current.id() + ": " + current.title()));
            }
            String finalAnswer = answer.isEmpty() && decision.decision() == ProposalState.ACCEPTED
                    ? "" : answer;
            store.setState(connection, id, decision.decision(), finalAnswer, decision.mergedInto(), now);
            long seen = 0;
            for (Action action : linked) {
                store.link(connection, id, action.id(), now);
                seen = Math.max(seen, plan.lastChangeId(connection, action.id()));
                store.addEntry(connection, id, now, actor, "linked", null, null, action.code() + " " + action.title(), true);
            }
            if (decision.decision() == ProposalState.MERGED) {
                for (long actionId : store.byId(connection, decision.mergedInto()).orElseThrow().actionIds()) {
                    seen = Math.max(seen, plan.lastChangeId(connection, actionId));
                }
            }
            store.setProgressSeen(connection, id, seen);
            store.addEntry(connection, id, now, actor, "state", current.state(), decision.decision(), finalAnswer, true);
            Proposal decided = store.byId(connection, id).orElseThrow();
            if (decided.hasEmail()) {
                mails.decision(connection, decided, actionModels(connection, decided), mergedTitle);
            }
            return decided;
        });
    }

    private ActionDraft prefilled(Connection connection, Proposal proposal, ActionDraft given) throws SQLException {
        String code = given.code() == null || given.code().isBlank() ? plan.nextCode(connection, CODE_PREFIX) : given.code();
        return new ActionDraft(code,
                given.title() != null ? given.title() : proposal.title(),
                given.description() != null ? given.description() : proposal.description(),
                given.strategyId() != null ? given.strategyId() : proposal.strategyId(),
                given.ownerId(), given.department(), given.startDate(), given.deadline(), given.status(),
                given.progress(), "proposal");
    }

    /** The actions of a proposal (or of the one it was merged into) for a mail or page. */
    List<Map<String, Object>> actionModels(Connection connection, Proposal proposal) throws SQLException {
        var result = new ArrayList<Map<String, Object>>();
        for (long actionId : proposal.actionIds()) {
            var action = plan.action(connection, actionId);
            if (action.isPresent()) {
                var model = new LinkedHashMap<String, Object>();
                model.put("id", action.get().id());
                model.put("code", action.get().code());
                model.put("title", action.get().title());
                model.put("status", action.get().status().code());
                result.add(model);
            }
        }
        return result;
    }

    private static void refuseDecided(Proposal proposal, String what) {
        if (proposal.state().isDecided()) {
            throw new Conflict("Förslag " + proposal.id() + " är redan " + proposal.state().label(null)
                    .toLowerCase(java.util.Locale.ROOT) + " och kan inte " + what + "; inget ändrades");
        }
    }

    /** The proposal a link from one of its mails opens. */
    public Optional<Proposal> forLink(String token) {
        return database.read(connection -> store.byToken(connection, LinkTokens.hash(token)));
    }

    /** Stops the proposer's mails about action progress (every proposal of their address); false for a bad link. */
    public boolean stopMails(String token) {
        return database.write(connection -> {
            var proposal = store.byToken(connection, LinkTokens.hash(token));
            if (proposal.isEmpty() || !proposal.get().hasEmail()) {
                return false;
            }
            store.stopMails(connection, proposal.get().proposerEmail());
            return true;
        });
    }
}
