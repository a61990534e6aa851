package se.planbot.plan;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.planbot.db.Database;
import se.planbot.problem.Errors;
import se.planbot.problem.InputText;
import se.planbot.problem.NotFound;

/**
 * The action plan's rules: what a valid action is, and that every change leaves one history
 * entry saying who changed which fields, from what, to what, and why.
 */
public final class PlanService {

    /** The longest note a progress report takes (as much as Slack's modal). */
    public static final int NOTE_MAX = se.planbot.problem.InputText.NOTE_MAX;

    private final Database database;
    private final Clock clock;
    private final ZoneId zone;
    private final PlanStore store = new PlanStore();
    private final PlanRules rules = new PlanRules(store);
    private final ActionQueries queries = new ActionQueries();
    private final SearchSuggestions suggestions = new SearchSuggestions();

    public PlanService(Database database, Clock clock, ZoneId zone) {
        this.database = database;
        this.clock = clock;
        this.zone = zone;
    }

    /** Today in the programme's time zone: the day deadlines are compared with. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public List<Strategy> strategies() {
        return database.read(store::strategies);
    }

    public Optional<Strategy> strategy(int id) {
        return strategies().stream().filter(strategy -> strategy.id() == id).findFirst();
    }

    public List<Person> people() {
        return database.read(store::people);
    }

    public Optional<Person> person(long id) {
        return database.read(connection -> store.person(connection, id));
    }

    public Optional<Person> personBySlackUserId(String slackUserId) {
        return database.read(connection -> store.personBySlackUserId(connection, slackUserId));
    }

    public Optional<Person> personByEmail(String email) {
        return database.read(connection -> store.personByEmail(connection, email));
    }

    /** Every action passing {@code filter}, in code order (1.2 before 1.10). */
    public List<Action> actions(ActionFilter filter) {
        LocalDate today = today();
        return database.read(connection -> queries.all(connection, filter, today));
    }

    /**
     * One page of the actions passing {@code filter}: with text, the best matches of the
     * full-text index first (exact code, then code, title, description words); else in code order.
     */
    public ActionPage actions(ActionFilter filter, int offset, int limit) {
        LocalDate today = today();
        return database.read(connection -> queries.list(connection, filter, today, offset, limit));
    }

    /** Planned and in-progress actions with a deadline, read in the caller's transaction (reminder sweep). */
    public List<Action> openActionsWithDeadline(Connection connection) throws SQLException {
        return store.openActionsWithDeadline(connection);
    }

    /** Actions marked done at a time in [from, to) and still done, in the caller's transaction (digest). */
    public List<Action> completedBetween(Connection connection, Instant from, Instant to) throws SQLException {
        return store.completedBetween(connection, from, to);
    }

    /** Status changes of an action after history entry {@code afterChangeId}, in the caller's transaction (proposals). */
    public List<StatusChange> statusChangesAfter(Connection connection, long actionId, long afterChangeId)
            throws SQLException {
        return store.statusChangesAfter(connection, actionId, afterChangeId);
    }

    /** The newest history entry id of an action, in the caller's transaction (0 when none). */
    public long lastChangeId(Connection connection, long actionId) throws SQLException {
        return store.lastChangeId(connection, actionId);
    }

    /** The next free code {@code prefix + n} (e.g. P.13 after P.12), in the caller's transaction. */
    public String nextCode(Connection connection, String prefix) throws SQLException {
        int highest = 0;
        for (String code : store.codesStartingWith(connection, prefix)) {
            String rest = code.substring(prefix.length());
            if (rest.matches("\\d{1,6}")) {
                highest = Math.max(highest, Integer.parseInt(rest));
            }
        }
        return prefix + (highest + 1);
    }

    /** One action read in the caller's transaction. */
    public Optional<Action> action(Connection connection, long id) throws SQLException {
        return store.action(connection, id);
    }

    /** Everyone, in the caller's transaction. */
    public List<Person> people(Connection connection) throws SQLException {
        return store.people(connection);
    }

    /**
     * One page of the actions whose code, title or description hold every word of {@code text}
     * at the start of a word (case and diacritics ignored), best matches first.
     */
    public ActionPage search(String text, int offset, int limit) {
        return actions(new ActionFilter(null, null, null, false, text), offset, limit);
    }

    /**
     * The search {@code text} with each word the index does not know replaced by an indexed word
     * one letter away ("bygglv" → "bygglov"); empty when every word is known or one has no near word.
     */
    public Optional<String> correctedSearch(String text) {
        return database.read(connection -> suggestions.corrected(connection, text));
    }

    /** One page of a person's actions, soonest deadline first. */
    public ActionPage actionsOf(long personId, int offset, int limit) {
        return database.read(connection -> queries.byOwner(connection, personId, offset, limit));
    }

    /** One page of the overdue actions, longest overdue first. */
    public ActionPage overdue(int offset, int limit) {
        LocalDate today = today();
        return database.read(connection -> queries.overdue(connection, today, offset, limit));
    }

    /** One page of the open actions due from {@code from} to {@code to} (both included), soonest first. */
    public ActionPage dueBetween(LocalDate from, LocalDate to, int offset, int limit) {
        return database.read(connection -> queries.dueBetween(connection, from, to, offset, limit));
    }

    /** One page of a strategy's actions in code order. */
    public ActionPage inStrategy(int strategy, int offset, int limit) {
        return database.read(connection -> queries.inStrategy(connection, strategy, offset, limit));
    }

    /** How many actions have each status (counted in the database, for metrics). */
    public Map<ActionStatus, Long> countByStatus() {
        return database.read(store::countByStatus);
    }

    /** Each strategy with its actions counted (the front page), in one aggregate query. */
    public List<StrategyFigures> strategyFigures() {
        LocalDate today = today();
        return database.read(connection -> store.strategyFigures(connection, today));
    }

    /** How many open actions are past their deadline today. */
    public long countOverdue() {
        LocalDate today = today();
        return database.read(connection -> store.countOverdue(connection, today));
    }

    public Optional<Action> action(long id) {
        return database.read(connection -> store.action(connection, id));
    }

    public Optional<Action> actionByCode(String code) {
        return database.read(connection -> store.actionByCode(connection, code));
    }

    /**
     * The one action whose code is {@code code} as written, else in another spelling of its parts
     * ("p12" or "P-12" for "P.12", "2,3" for "2.3"); empty when none or several match.
     */
    public Optional<Action> actionWithCode(String code) {
        return database.read(connection -> withCode(connection, code.trim()));
    }

    /** An action by code in any spelling ({@link #actionWithCode}) or by numeric id ("12"); a code wins. */
    public Optional<Action> actionByIdOrCode(String idOrCode) {
        return database.read(connection -> byIdOrCode(connection, idOrCode.trim()));
    }

    /** {@link #actionByIdOrCode} with its newest history entry, read in one transaction (a Slack answer). */
    public Optional<ActionDetail> actionDetail(String idOrCode) {
        return database.read(connection -> {
            Optional<Action> action = byIdOrCode(connection, idOrCode.trim());
            if (action.isEmpty()) {
                return Optional.<ActionDetail>empty();
            }
            return Optional.of(new ActionDetail(action.get(), store.lastChange(connection, action.get().id())));
        });
    }

    /** {@link #actionWithCode} with its newest history entry, read in one transaction. */
    public Optional<ActionDetail> actionDetailWithCode(String code) {
        return database.read(connection -> {
            Optional<Action> action = withCode(connection, code.trim());
            if (action.isEmpty()) {
                return Optional.<ActionDetail>empty();
            }
            return Optional.of(new ActionDetail(action.get(), store.lastChange(connection, action.get().id())));
        });
    }

    private Optional<Action> withCode(Connection connection, String text) throws SQLException {
        Optional<Action> exact = store.actionByCode(connection, text);
        if (exact.isPresent()) {
            return exact;
        }
        List<Action> found = queries.withCodeKey(connection, text);
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private Optional<Action> byIdOrCode(Connection connection, String text) throws SQLException {
        Optional<Action> byCode = withCode(connection, text);
        if (byCode.isPresent() || !isId(text)) {
            return byCode;
        }
        return store.action(connection, Long.parseLong(text));
    }

    /** 1 to 12 digits (no regex per question: this is on the Slack command's path). */
    private static boolean isId(String text) {
        if (text.isEmpty() || text.length() > 12) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    public Action requireAction(long id) {
        return action(id).orElseThrow(() -> new NotFound("Åtgärd " + id + " finns inte"));
    }

    public List<Change> history(long actionId) {
        return database.read(connection -> store.history(connection, actionId));
    }

    public Optional<Change> lastChange(long actionId) {
        return database.read(connection -> store.lastChange(connection, actionId));
    }

    public Person createPerson(PersonDraft draft) {
        return database.write(connection -> {
            var person = rules.checkPerson(connection, draft, null);
            long id = store.insertPerson(connection, person, clock.instant());
            return store.person(connection, id).orElseThrow();
        });
    }

    /** Who may update an action's progress: its owner, and anyone with role coordinator. */
    public boolean mayUpdate(Person person, Action action) {
        boolean owner = action.ownerId() != null && action.ownerId() == person.id();
        return owner || person.role() == PersonRole.COORDINATOR;
    }

    /** Changes a person's name, address, Slack id or role (a new role ends their console sessions, V20). */
    public Person updatePerson(long id, PersonDraft draft) {
        return database.write(connection -> {
            Person current = store.person(connection, id).orElseThrow(() -> new NotFound("Person " + id + " finns inte"));
            if (draft.role() != PersonRole.COORDINATOR) {
                keepOneCoordinator(connection, current, "role");
            }
            store.updatePerson(connection, id, rules.checkPerson(connection, draft, id));
            return store.person(connection, id).orElseThrow();
        });
    }

    /**
     * Removes a person. Their actions stay, with their history, and become ownerless: one history
     * entry each, under {@code actor}. Their console sessions and links go with them (V20, V21).
     */
    public void removePerson(long id, String actor) {
        database.write(connection -> {
            Person person = store.person(connection, id).orElseThrow(() -> new NotFound("Person " + id + " finns inte"));
            keepOneCoordinator(connection, person, "confirm");
            for (Action action : queries.byOwner(connection, id, 0, Integer.MAX_VALUE).actions()) {
                patchAction(connection, action.id(), ActionDraft.EMPTY, java.util.Set.of("ownerId"),
                        person.name() + " är borttagen ur programmets personer", false, actor);
            }
            store.deletePerson(connection, id);
            return null;
        });
    }

    /** Someone must be able to sign in and run the programme: the last coordinator stays one. */
    private void keepOneCoordinator(Connection connection, Person leaving, String field) throws SQLException {
        boolean another = store.people(connection).stream()
                .anyMatch(person -> person.role() == PersonRole.COORDINATOR && person.id() != leaving.id());
        if (leaving.role() == PersonRole.COORDINATOR && !another) {
            throw new se.planbot.problem.InvalidInput(field, leaving.name()
                    + " är programmets enda koordinator; gör först någon annan till koordinator");
        }
    }

    public Action createAction(ActionDraft draft, String actor) {
        return database.write(connection -> createAction(connection, draft, actor, ""));
    }

    /** Creates an action inside the caller's transaction (import, proposals) with one history entry. */
    public Action createAction(Connection connection, ActionDraft draft, String actor, String note)
            throws SQLException {
        ActionDraft complete = withDefaults(draft);
        rules.check(connection, complete, null);
        Instant now = clock.instant();
        long id = store.insertAction(connection, complete, now);
        Action created = store.action(connection, id).orElseThrow();
        boolean given = note != null && !note.isBlank();
        // Only Planbot's own "Skapad" is public; a note someone wrote is internal like every other.
        store.appendChange(connection, id, now, actor, given ? note : "Skapad", !given, ActionDiff.created(created));
        return created;
    }

    /**
     * Creates an action; a {@code note} (public or internal) becomes a second history entry after
     * "Skapad", in the same transaction.
     */
    public Action createAction(ActionDraft draft, String note, boolean notePublic, String actor) {
        return database.write(connection -> {
            Action created = createAction(connection, draft, actor, "");
            return note == null || note.isBlank() ? created
                    : patchAction(connection, created.id(), ActionDraft.EMPTY, java.util.Set.of(), note, notePublic, actor);
        });
    }

    /** Changes the fields given in {@code patch}; one history entry if anything changed. */
    public Action patchAction(long id, ActionDraft patch, String note, String actor) {
        return patchAction(id, patch, java.util.Set.of(), note, actor);
    }

    /** As {@link #patchAction(long, ActionDraft, String, String)}, also emptying {@code cleared} fields. */
    public Action patchAction(long id, ActionDraft patch, java.util.Set<String> cleared, String note, String actor) {
        return patchAction(id, patch, cleared, note, false, actor);
    }

    /** As above, with a note that is public ({@code notePublic}) or internal. */
    public Action patchAction(long id, ActionDraft patch, java.util.Set<String> cleared, String note, boolean notePublic,
            String actor) {
        return database.write(connection -> patchAction(connection, id, patch, cleared, note, notePublic, actor));
    }

    public Action patchAction(Connection connection, long id, ActionDraft patch, String note, String actor)
            throws SQLException {
        return patchAction(connection, id, patch, java.util.Set.of(), note, false, actor);
    }

    private Action patchAction(Connection connection, long id, ActionDraft patch, java.util.Set<String> cleared,
            String note, boolean notePublic, String actor) throws SQLException {
        Action current = store.action(connection, id).orElseThrow(() -> new NotFound("Åtgärd " + id + " finns inte"));
        var noteErrors = new Errors();
        InputText.text(noteErrors, "note", "anteckningen", note, InputText.NOTE_MAX);
        ActionDraft.unclearable(cleared).forEach(error -> noteErrors.add(error.field(), error.message()));
        noteErrors.throwIfAny();
        ActionDraft merged = doneMeansFullProgress(patch).over(current).without(cleared);
        rules.check(connection, merged, current);
        List<FieldChange> changes = ActionDiff.changed(connection, store, current, merged);
        if (changes.isEmpty() && (note == null || note.isBlank())) {
            return current;
        }
        Instant now = clock.instant();
        store.updateAction(connection, id, merged, now);
        store.appendChange(connection, id, now, actor, note, notePublic, changes);
        return store.action(connection, id).orElseThrow();
    }

    /**
     * Records a progress report: status, progress and note in one history entry. Marking an
     * action done sets its progress to 100 unless another progress is given: none, or (when it was
     * not done before) its current progress unchanged, as the Slack modal sends it.
     */
    public Action recordUpdate(long id, ProgressUpdate update, String actor) {
        return database.write(connection -> {
            var errors = new Errors();
            if (update.status() == null && update.progress() == null
                    && (update.note() == null || update.note().isBlank())) {
                errors.add("status", "ange status, framsteg eller en anteckning");
            }
            errors.throwIfAny();
            Action current = store.action(connection, id).orElseThrow(() -> new NotFound("Åtgärd " + id + " finns inte"));
            Integer progress = update.progress();
            boolean becomesDone = update.status() == ActionStatus.DONE && current.status() != ActionStatus.DONE;
            if (update.status() == ActionStatus.DONE
                    && (progress == null || becomesDone && progress == current.progress())) {
                progress = 100;
            }
            var patch = new ActionDraft(null, null, null, null, null, null, null, null,
                    update.status(), progress, null);
            return patchAction(connection, id, patch, java.util.Set.of(), update.note(), update.notePublic(), actor);
        });
    }

    /** A patch that marks an action done without a progress sets progress 100 (done is all done). */
    private static ActionDraft doneMeansFullProgress(ActionDraft patch) {
        if (patch.status() != ActionStatus.DONE || patch.progress() != null) {
            return patch;
        }
        return new ActionDraft(patch.code(), patch.title(), patch.description(), patch.strategyId(), patch.ownerId(),
                patch.department(), patch.startDate(), patch.deadline(), patch.status(), 100, patch.origin());
    }

    private static ActionDraft withDefaults(ActionDraft draft) {
        return new ActionDraft(
                draft.code() == null ? null : draft.code().trim(),
                draft.title() == null ? null : draft.title().trim(),
                draft.description() == null ? "" : draft.description().trim(),
                draft.strategyId(),
                draft.ownerId(),
                draft.department() == null ? "" : draft.department().trim(),
                draft.startDate(),
                draft.deadline(),
                draft.status() == null ? ActionStatus.PLANNED : draft.status(),
                draft.progress() == null ? (draft.status() == ActionStatus.DONE ? 100 : 0) : draft.progress(),
                draft.origin() == null || draft.origin().isBlank() ? "plan" : draft.origin());
    }



    /**
     * Finds a person by email, else by name; creates one when neither matches (import). An email
     * or Slack id given for a person who has none yet is added; a name differing is updated.
     */
    Person findOrCreatePerson(Connection connection, String name, String email, String slackUserId)
            throws SQLException {
        String wantedEmail = email == null || email.isBlank() ? null : email.trim();
        String wantedSlack = slackUserId == null || slackUserId.isBlank() ? null : slackUserId.trim();
        Optional<Person> found = wantedEmail == null ? Optional.empty() : store.personByEmail(connection, wantedEmail);
        if (found.isEmpty()) {
            found = store.personByName(connection, name.trim())
                    .filter(person -> wantedEmail == null || person.email() == null);
        }
        if (found.isEmpty()) {
            var draft = rules.checkPerson(connection, new PersonDraft(name, wantedEmail, wantedSlack, PersonRole.OWNER), null);
            return store.person(connection, store.insertPerson(connection, draft, clock.instant())).orElseThrow();
        }
        Person person = found.get();
        var wanted = new PersonDraft(name.trim(),
                wantedEmail != null ? wantedEmail : person.email(),
                wantedSlack != null ? wantedSlack : person.slackUserId(),
                person.role());
        if (wanted.equals(new PersonDraft(person.name(), person.email(), person.slackUserId(), person.role()))) {
            return person;
        }
        store.updatePerson(connection, person.id(), rules.checkPerson(connection, wanted, person.id()));
        return store.person(connection, person.id()).orElseThrow();
    }

    void saveStrategy(Connection connection, Strategy strategy) throws SQLException {
        store.saveStrategy(connection, strategy);
    }

    Optional<Action> actionByCode(Connection connection, String code) throws SQLException {
        return store.actionByCode(connection, code);
    }

    List<Strategy> strategies(Connection connection) throws SQLException {
        return store.strategies(connection);
    }

    Database database() {
        return database;
    }

}
