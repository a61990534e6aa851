package se.planbot.plan;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import se.planbot.db.Database;
import se.planbot.problem.Errors;
import se.planbot.problem.NotFound;

/**
 * The action plan's rules: what a valid action is, and that every change leaves one history
 * entry saying who changed which fields, from what, to what, and why.
 */
public final class PlanService {

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-zÅÄÖåäö][0-9A-Za-zÅÄÖåäö.\\-_]{0,19}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern SLACK_USER = Pattern.compile("[UW][A-Z0-9]{2,20}");

    private final Database database;
    private final Clock clock;
    private final ZoneId zone;
    private final PlanStore store = new PlanStore();
    private final ActionQueries queries = new ActionQueries();

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

    public List<Action> actions(ActionFilter filter) {
        LocalDate today = today();
        return database.read(connection -> store.actions(connection, filter, today));
    }

    /** Planned and in-progress actions with a deadline, read in the caller's transaction (reminder sweep). */
    public List<Action> openActionsWithDeadline(Connection connection) throws SQLException {
        return store.openActionsWithDeadline(connection);
    }

    /** Actions marked done at a time in [from, to) and still done, in the caller's transaction (digest). */
    public List<Action> completedBetween(Connection connection, Instant from, Instant to) throws SQLException {
        return store.completedBetween(connection, from, to);
    }

    /** Everyone, in the caller's transaction. */
    public List<Person> people(Connection connection) throws SQLException {
        return store.people(connection);
    }

    /**
     * One page of the actions whose code, title or description hold every word of {@code text}
     * (case and diacritics ignored), best matches first: exact code, then title words, then description.
     */
    public ActionPage search(String text, int offset, int limit) {
        return database.read(connection -> queries.search(connection, text, offset, limit));
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

    public Optional<Action> action(long id) {
        return database.read(connection -> store.action(connection, id));
    }

    public Optional<Action> actionByCode(String code) {
        return database.read(connection -> store.actionByCode(connection, code));
    }

    /** An action by numeric id ("12") or by code ("2.3"); a code wins when both could match. */
    public Optional<Action> actionByIdOrCode(String idOrCode) {
        String text = idOrCode.trim();
        Optional<Action> byCode = actionByCode(text);
        if (byCode.isPresent() || !text.matches("\\d{1,12}")) {
            return byCode;
        }
        return action(Long.parseLong(text));
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
            var person = checkPerson(connection, draft, null);
            long id = store.insertPerson(connection, person, clock.instant());
            return store.person(connection, id).orElseThrow();
        });
    }

    public Action createAction(ActionDraft draft, String actor) {
        return database.write(connection -> createAction(connection, draft, actor, ""));
    }

    /** Creates an action inside the caller's transaction (import, proposals) with one history entry. */
    public Action createAction(Connection connection, ActionDraft draft, String actor, String note)
            throws SQLException {
        ActionDraft complete = withDefaults(draft);
        check(connection, complete, null);
        Instant now = clock.instant();
        long id = store.insertAction(connection, complete, now);
        Action created = store.action(connection, id).orElseThrow();
        store.appendChange(connection, id, now, actor, note == null || note.isBlank() ? "Skapad" : note,
                differences(created));
        return created;
    }

    /** Changes the fields given in {@code patch}; one history entry if anything changed. */
    public Action patchAction(long id, ActionDraft patch, String note, String actor) {
        return database.write(connection -> patchAction(connection, id, patch, note, actor));
    }

    public Action patchAction(Connection connection, long id, ActionDraft patch, String note, String actor)
            throws SQLException {
        Action current = store.action(connection, id).orElseThrow(() -> new NotFound("Åtgärd " + id + " finns inte"));
        ActionDraft merged = patch.over(current);
        check(connection, merged, current);
        List<FieldChange> changes = differences(current, merged, connection);
        if (changes.isEmpty() && (note == null || note.isBlank())) {
            return current;
        }
        Instant now = clock.instant();
        store.updateAction(connection, id, merged, now);
        store.appendChange(connection, id, now, actor, note, changes);
        return store.action(connection, id).orElseThrow();
    }

    /**
     * Records a progress report: status, progress and note in one history entry. Marking an
     * action done sets its progress to 100 unless a progress is given.
     */
    public Action recordUpdate(long id, ProgressUpdate update, String actor) {
        return database.write(connection -> {
            var errors = new Errors();
            if (update.status() == null && update.progress() == null
                    && (update.note() == null || update.note().isBlank())) {
                errors.add("status", "ange status, framsteg eller en anteckning");
            }
            errors.throwIfAny();
            Integer progress = update.progress();
            if (progress == null && update.status() == ActionStatus.DONE) {
                progress = 100;
            }
            var patch = new ActionDraft(null, null, null, null, null, null, null, null,
                    update.status(), progress, null);
            return patchAction(connection, id, patch, update.note(), actor);
        });
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

    private void check(Connection connection, ActionDraft draft, Action current) throws SQLException {
        var errors = new Errors();
        if (draft.code() == null || draft.code().isBlank()) {
            errors.add("code", "kod saknas (t.ex. 2.3)");
        } else if (!CODE.matcher(draft.code()).matches()) {
            errors.add("code", "koden '" + draft.code() + "' får bara innehålla bokstäver, siffror och . - _ (högst 20 tecken)");
        } else {
            var holder = store.actionByCode(connection, draft.code());
            if (holder.isPresent() && (current == null || holder.get().id() != current.id())) {
                errors.add("code", "koden '" + draft.code() + "' används redan av åtgärd " + holder.get().id());
            }
        }
        if (draft.title() == null || draft.title().isBlank()) {
            errors.add("title", "titel saknas");
        } else if (draft.title().length() > 300) {
            errors.add("title", "titeln är för lång (högst 300 tecken)");
        } else if (hasLineBreak(draft.title())) {
            // Titles go into mail subjects, Slack lists and one-line answers.
            errors.add("title", "titeln ska vara en rad (utan radbrytning)");
        }
        if (draft.department() != null && hasLineBreak(draft.department())) {
            errors.add("department", "förvaltningen ska vara en rad (utan radbrytning)");
        }
        if (draft.description() != null && draft.description().length() > 10_000) {
            errors.add("description", "beskrivningen är för lång (högst 10 000 tecken)");
        }
        if (draft.strategyId() == null) {
            errors.add("strategy", "strategi saknas (ett nummer, t.ex. 2)");
        } else if (store.strategies(connection).stream().noneMatch(s -> s.id() == draft.strategyId())) {
            errors.add("strategy", "strategi " + draft.strategyId() + " finns inte");
        }
        if (draft.ownerId() != null && store.person(connection, draft.ownerId()).isEmpty()) {
            errors.add("ownerId", "person " + draft.ownerId() + " finns inte");
        }
        if (draft.startDate() != null && draft.deadline() != null && draft.deadline().isBefore(draft.startDate())) {
            errors.add("deadline", "klart senast (" + draft.deadline() + ") är före start (" + draft.startDate() + ")");
        }
        if (draft.progress() != null && (draft.progress() < 0 || draft.progress() > 100)) {
            errors.add("progress", "framsteg ska vara 0–100 procent, inte " + draft.progress());
        }
        errors.throwIfAny();
    }

    private static boolean hasLineBreak(String text) {
        return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    }

    private PersonDraft checkPerson(Connection connection, PersonDraft draft, Long existingId) throws SQLException {
        var errors = new Errors();
        String name = draft.name() == null ? "" : draft.name().trim();
        String email = draft.email() == null || draft.email().isBlank() ? null : draft.email().trim();
        String slack = draft.slackUserId() == null || draft.slackUserId().isBlank() ? null : draft.slackUserId().trim();
        if (name.isEmpty()) {
            errors.add("name", "namn saknas");
        } else if (name.length() > 200 || name.contains("\n") || name.contains("\r")) {
            errors.add("name", "namnet ska vara en rad på högst 200 tecken");
        }
        if (email != null) {
            if (!EMAIL.matcher(email).matches() || email.length() > 254) {
                errors.add("email", "'" + email + "' är ingen e-postadress");
            } else {
                var holder = store.personByEmail(connection, email);
                if (holder.isPresent() && !Objects.equals(holder.get().id(), existingId)) {
                    errors.add("email", "e-postadressen används redan av " + holder.get().name());
                }
            }
        }
        if (slack != null) {
            if (!SLACK_USER.matcher(slack).matches()) {
                errors.add("slackUserId", "'" + slack + "' är inget Slack-användar-id (t.ex. U012AB3CD)");
            } else {
                var holder = store.personBySlackUserId(connection, slack);
                if (holder.isPresent() && !Objects.equals(holder.get().id(), existingId)) {
                    errors.add("slackUserId", "Slack-id:t används redan av " + holder.get().name());
                }
            }
        }
        errors.throwIfAny();
        return new PersonDraft(name, email, slack, draft.role() == null ? PersonRole.OWNER : draft.role());
    }

    /** Finds a person by email, else by name; creates one when neither matches (import). */
    Person findOrCreatePerson(Connection connection, String name, String email) throws SQLException {
        if (email != null && !email.isBlank()) {
            var byEmail = store.personByEmail(connection, email.trim());
            if (byEmail.isPresent()) {
                if (name != null && !name.isBlank() && !byEmail.get().name().equals(name.trim())) {
                    var p = byEmail.get();
                    store.updatePerson(connection, p.id(), new PersonDraft(name.trim(), p.email(), p.slackUserId(), p.role()));
                    return store.person(connection, p.id()).orElseThrow();
                }
                return byEmail.get();
            }
        }
        var byName = store.personByName(connection, name.trim());
        if (byName.isPresent() && (email == null || email.isBlank() || byName.get().email() == null)) {
            var p = byName.get();
            if (email != null && !email.isBlank()) {
                store.updatePerson(connection, p.id(), checkPerson(connection,
                        new PersonDraft(p.name(), email, p.slackUserId(), p.role()), p.id()));
                return store.person(connection, p.id()).orElseThrow();
            }
            return p;
        }
        var draft = checkPerson(connection, new PersonDraft(name, email, null, PersonRole.OWNER), null);
        return store.person(connection, store.insertPerson(connection, draft, clock.instant())).orElseThrow();
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

    private static List<FieldChange> differences(Action after) {
        var changes = new ArrayList<FieldChange>();
        compare(changes, "code", null, after.code());
        compare(changes, "title", null, after.title());
        compare(changes, "description", null, after.description());
        compare(changes, "strategy", null, after.strategyId());
        compare(changes, "owner", null, after.ownerName());
        compare(changes, "department", null, after.department());
        compare(changes, "startDate", null, after.startDate());
        compare(changes, "deadline", null, after.deadline());
        compare(changes, "status", null, after.status().code());
        compare(changes, "progress", null, after.progress());
        return changes;
    }

    private List<FieldChange> differences(Action before, ActionDraft after, Connection connection) throws SQLException {
        var changes = new ArrayList<FieldChange>();
        compare(changes, "code", before.code(), after.code());
        compare(changes, "title", before.title(), after.title());
        compare(changes, "description", before.description(), after.description());
        compare(changes, "strategy", before.strategyId(), after.strategyId());
        if (!Objects.equals(before.ownerId(), after.ownerId())) {
            String newOwner = after.ownerId() == null ? null
                    : store.person(connection, after.ownerId()).map(Person::name).orElse(null);
            compare(changes, "owner", before.ownerName(), newOwner);
        }
        compare(changes, "department", before.department(), after.department());
        compare(changes, "startDate", before.startDate(), after.startDate());
        compare(changes, "deadline", before.deadline(), after.deadline());
        compare(changes, "status", before.status().code(), after.status().code());
        compare(changes, "progress", before.progress(), after.progress());
        return changes;
    }

    private static void compare(List<FieldChange> changes, String field, Object before, Object after) {
        String oldText = text(before);
        String newText = text(after);
        if (!Objects.equals(oldText, newText)) {
            changes.add(new FieldChange(field, oldText, newText));
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return text.isEmpty() ? null : text;
    }
}
