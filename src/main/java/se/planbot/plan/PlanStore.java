package se.planbot.plan;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.planbot.db.Jdbc;

/** The plan's tables: strategies, people, actions, history. SQL only; rules live in {@link PlanService}. */
final class PlanStore {

    static final String ACTION_COLUMNS = """
            select a.*, p.name as owner_name, p.email as owner_email, p.slack_user_id as owner_slack
            from actions a left join people p on p.id = a.owner_id
            """;

    List<Strategy> strategies(Connection connection) throws SQLException {
        return Jdbc.list(connection, "select * from strategies order by id", PlanStore::strategy);
    }

    void saveStrategy(Connection connection, Strategy strategy) throws SQLException {
        Jdbc.update(connection, """
                insert into strategies (id, title, description) values (?, ?, ?)
                on conflict (id) do update set title = excluded.title, description = excluded.description
                """, strategy.id(), strategy.title(), strategy.description());
    }

    /** Everyone, in Swedish alphabetical order (Åsa after Zlatan), whatever the database's collation. */
    List<Person> people(Connection connection) throws SQLException {
        var people = new ArrayList<>(Jdbc.list(connection, "select * from people order by id", PlanStore::person));
        people.sort(Comparator.comparing(Person::name, SwedishNames.ORDER));
        return people;
    }

    Optional<Person> person(Connection connection, long id) throws SQLException {
        return Jdbc.one(connection, "select * from people where id = ?", PlanStore::person, id);
    }

    Optional<Person> personByEmail(Connection connection, String email) throws SQLException {
        return Jdbc.one(connection, "select * from people where email = ? collate nocase", PlanStore::person, email);
    }

    Optional<Person> personBySlackUserId(Connection connection, String slackUserId) throws SQLException {
        return Jdbc.one(connection, "select * from people where slack_user_id = ?", PlanStore::person, slackUserId);
    }

    /**
     * The first person (by id) whose name is {@code name} in any case, å ä ö included: folded in
     * Java, since SQLite's NOCASE folds ASCII only and PostgreSQL's depends on its locale.
     */
    Optional<Person> personByName(Connection connection, String name) throws SQLException {
        String wanted = SwedishNames.fold(name);
        return Jdbc.list(connection, "select * from people order by id", PlanStore::person).stream()
                .filter(person -> SwedishNames.fold(person.name()).equals(wanted)).findFirst();
    }

    long insertPerson(Connection connection, PersonDraft draft, Instant now) throws SQLException {
        return Jdbc.insert(connection, """
                insert into people (name, email, slack_user_id, role, created_at) values (?, ?, ?, ?, ?)
                """, draft.name(), draft.email(), draft.slackUserId(), draft.role().code(), now);
    }

    void deletePerson(Connection connection, long id) throws SQLException {
        Jdbc.update(connection, "delete from people where id = ?", id);
    }

    void updatePerson(Connection connection, long id, PersonDraft draft) throws SQLException {
        Jdbc.update(connection, "update people set name = ?, email = ?, slack_user_id = ?, role = ? where id = ?",
                draft.name(), draft.email(), draft.slackUserId(), draft.role().code(), id);
    }

    List<Action> openActionsWithDeadline(Connection connection) throws SQLException {
        return Jdbc.list(connection, ACTION_COLUMNS + """
                 where a.status in ('planned', 'in_progress') and a.deadline is not null
                 order by a.deadline, a.code_key, a.id
                """, PlanStore::action);
    }

    List<Action> completedBetween(Connection connection, Instant from, Instant to) throws SQLException {
        return Jdbc.list(connection, ACTION_COLUMNS + """
                 where a.status = 'done' and exists (
                     select 1 from action_changes c join action_change_fields f on f.change_id = c.id
                     where c.action_id = a.id and f.field = 'status' and f.new_value = 'done'
                       and c.at >= ? and c.at < ?)
                 order by a.strategy_id, a.code_key, a.id
                """, PlanStore::action, from, to);
    }

    /** Status changes of {@code actionId} after history entry {@code afterChangeId}, oldest first. */
    List<StatusChange> statusChangesAfter(Connection connection, long actionId, long afterChangeId) throws SQLException {
        return Jdbc.list(connection, """
                select c.id, c.action_id, c.at, f.new_value
                from action_changes c join action_change_fields f on f.change_id = c.id
                where c.action_id = ? and c.id > ? and f.field = 'status' and f.new_value is not null
                order by c.id
                """, row -> new StatusChange(row.getLong(1), row.getLong(2), Jdbc.instant(row, "at"),
                        ActionStatus.fromCode(row.getString(4)).orElseThrow()), actionId, afterChangeId);
    }

    List<String> codesStartingWith(Connection connection, String prefix) throws SQLException {
        return Jdbc.list(connection, "select code from actions where substr(code, 1, ?) = ?", row -> row.getString(1),
                prefix.length(), prefix);
    }

    /** The newest history entry id of {@code actionId} (0 when it has none). */
    long lastChangeId(Connection connection, long actionId) throws SQLException {
        return Jdbc.count(connection, "select coalesce(max(id), 0) from action_changes where action_id = ?", actionId);
    }

    Map<ActionStatus, Long> countByStatus(Connection connection) throws SQLException {
        var counts = new java.util.EnumMap<ActionStatus, Long>(ActionStatus.class);
        for (ActionStatus status : ActionStatus.values()) {
            counts.put(status, 0L);
        }
        for (var row : Jdbc.list(connection, "select status, count(*) as n from actions group by status",
                row -> Map.entry(ActionStatus.fromCode(row.getString("status")).orElseThrow(), row.getLong("n")))) {
            counts.put(row.getKey(), row.getValue());
        }
        return counts;
    }

    List<StrategyFigures> strategyFigures(Connection connection, LocalDate today) throws SQLException {
        return Jdbc.list(connection, """
                select s.id, s.title, s.description, count(a.id) as actions,
                       count(case when a.status = 'done' then 1 end) as done,
                       count(case when a.status = 'in_progress' then 1 end) as in_progress,
                       count(case when a.status in ('planned', 'in_progress') and a.deadline < ? then 1 end) as overdue,
                       coalesce(round(avg(case when a.status != 'cancelled' then a.progress end)), 0) as progress
                from strategies s left join actions a on a.strategy_id = s.id
                group by s.id order by s.id
                """, row -> new StrategyFigures(strategy(row), row.getLong("actions"), row.getLong("done"),
                        row.getLong("in_progress"), row.getLong("overdue"), row.getInt("progress")), today);
    }

    long countOverdue(Connection connection, LocalDate today) throws SQLException {
        return Jdbc.count(connection,
                "select count(*) from actions where status in ('planned', 'in_progress') and deadline < ?", today);
    }

    Optional<Action> action(Connection connection, long id) throws SQLException {
        return Jdbc.one(connection, ACTION_COLUMNS + " where a.id = ?", PlanStore::action, id);
    }

    Optional<Action> actionByCode(Connection connection, String code) throws SQLException {
        return Jdbc.one(connection, ACTION_COLUMNS + " where a.code = ?", PlanStore::action, code);
    }

    long insertAction(Connection connection, ActionDraft draft, Instant now) throws SQLException {
        return Jdbc.insert(connection, """
                insert into actions (code, title, description, strategy_id, owner_id, department, start_date,
                                     deadline, status, progress, origin, code_key, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                draft.code(), draft.title(), draft.description(), draft.strategyId(), draft.ownerId(),
                draft.department(), draft.startDate(), draft.deadline(), draft.status().code(), draft.progress(),
                draft.origin(), CodeKey.of(draft.code()), now, now);
    }

    void updateAction(Connection connection, long id, ActionDraft draft, Instant now) throws SQLException {
        Jdbc.update(connection, """
                update actions set code = ?, title = ?, description = ?, strategy_id = ?, owner_id = ?,
                       department = ?, start_date = ?, deadline = ?, status = ?, progress = ?, origin = ?,
                       code_key = ?, updated_at = ?
                where id = ?
                """,
                draft.code(), draft.title(), draft.description(), draft.strategyId(), draft.ownerId(),
                draft.department(), draft.startDate(), draft.deadline(), draft.status().code(), draft.progress(),
                draft.origin(), CodeKey.of(draft.code()), now, id);
    }

    void appendChange(Connection connection, long actionId, Instant at, String actor, String note, boolean notePublic,
            List<FieldChange> fields) throws SQLException {
        long changeId = Jdbc.insert(connection,
                "insert into action_changes (action_id, at, actor, note, note_public) values (?, ?, ?, ?, ?)",
                actionId, at, actor, note == null ? "" : note, notePublic);
        for (FieldChange field : fields) {
            Jdbc.update(connection,
                    "insert into action_change_fields (change_id, field, old_value, new_value) values (?, ?, ?, ?)",
                    changeId, field.field(), field.oldValue(), field.newValue());
        }
    }

    List<Change> history(Connection connection, long actionId) throws SQLException {
        var fieldsByChange = new LinkedHashMap<Long, List<FieldChange>>();
        for (var row : Jdbc.list(connection, """
                select f.change_id, f.field, f.old_value, f.new_value
                from action_change_fields f join action_changes c on c.id = f.change_id
                where c.action_id = ? order by f.rowid
                """, row -> Map.entry(row.getLong("change_id"),
                        new FieldChange(row.getString("field"), row.getString("old_value"), row.getString("new_value"))),
                actionId)) {
            fieldsByChange.computeIfAbsent(row.getKey(), key -> new ArrayList<>()).add(row.getValue());
        }
        return Jdbc.list(connection, "select * from action_changes where action_id = ? order by id", row -> new Change(
                row.getLong("id"), row.getLong("action_id"), Jdbc.instant(row, "at"), row.getString("actor"),
                row.getString("note"), List.copyOf(fieldsByChange.getOrDefault(row.getLong("id"), List.of())),
                row.getBoolean("note_public")),
                actionId);
    }

    /** The newest history entry of each of the given actions (for "last update" in answers). */
    Optional<Change> lastChange(Connection connection, long actionId) throws SQLException {
        // Only the newest entry and its fields (index action_changes_action), not the whole history.
        Optional<Change> newest = Jdbc.one(connection,
                "select * from action_changes where action_id = ? order by id desc limit 1", PlanStore::change,
                actionId);
        if (newest.isEmpty()) {
            return newest;
        }
        List<FieldChange> fields = Jdbc.list(connection,
                "select field, old_value, new_value from action_change_fields where change_id = ? order by rowid",
                row -> new FieldChange(row.getString("field"), row.getString("old_value"), row.getString("new_value")),
                newest.get().id());
        Change change = newest.get();
        return Optional.of(new Change(change.id(), change.actionId(), change.at(), change.actor(), change.note(),
                List.copyOf(fields), change.notePublic()));
    }

    private static Change change(ResultSet row) throws SQLException {
        return new Change(row.getLong("id"), row.getLong("action_id"), Jdbc.instant(row, "at"), row.getString("actor"),
                row.getString("note"), List.of(), row.getBoolean("note_public"));
    }

    private static Strategy strategy(ResultSet row) throws SQLException {
        return new Strategy(row.getInt("id"), row.getString("title"), row.getString("description"));
    }

    private static Person person(ResultSet row) throws SQLException {
        return new Person(row.getLong("id"), row.getString("name"), row.getString("email"),
                row.getString("slack_user_id"), PersonRole.fromCode(row.getString("role")).orElseThrow());
    }

    static Action action(ResultSet row) throws SQLException {
        return new Action(
                row.getLong("id"),
                row.getString("code"),
                row.getString("title"),
                row.getString("description"),
                row.getInt("strategy_id"),
                Jdbc.nullableLong(row, "owner_id"),
                row.getString("owner_name"),
                row.getString("owner_email"),
                row.getString("owner_slack"),
                row.getString("department"),
                Jdbc.date(row, "start_date"),
                Jdbc.date(row, "deadline"),
                ActionStatus.fromCode(row.getString("status")).orElseThrow(),
                row.getInt("progress"),
                row.getString("origin"),
                Jdbc.instant(row, "created_at"),
                Jdbc.instant(row, "updated_at"));
    }
}
