package se.planbot.plan;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.planbot.db.Dialect;
import se.planbot.db.Jdbc;

/**
 * Lists of actions, a page at a time: the database filters, counts, orders and cuts, so a plan
 * of thousands of actions costs one page of rows. Codes sort by their numbered parts
 * ({@link CodeKey}). A search goes through the full-text index (V10: FTS5's {@code action_search}
 * on SQLite, the tsvector {@code actions.search_vector} on PostgreSQL), which also ranks: an exact
 * code first, then code before title before description (bm25 there, ts_rank with weights as far
 * apart here).
 */
final class ActionQueries {

    private static final String COLUMNS =
            "select a.*, p.name as owner_name, p.email as owner_email, p.slack_user_id as owner_slack";
    private static final String FROM_ACTIONS = " from actions a left join people p on p.id = a.owner_id";
    private static final String FROM_SEARCH = " from action_search s join actions a on a.id = s.rowid"
            + " left join people p on p.id = a.owner_id";
    /**
     * bm25(10000, 100, 1) of the SQLite index, as PostgreSQL can say it: each column's lexemes
     * (code A, title B, description C) ranked on their own and divided by the column's length (a
     * short title with the word before a long one), weighed as far apart; the words found whole
     * are counted again (ts_rank counts a position once however many terms match it; bm25 counts
     * the whole word and the prefix both). Binds (all words, whole words) once per column.
     */
    private static final String PG_RANK = "(" + pgColumnRank("a", 10000) + " + " + pgColumnRank("b", 100)
            + " + " + pgColumnRank("c", 1) + ") desc";

    private static String pgColumnRank(String weight, int factor) {
        String column = "ts_filter(a.search_vector, '{" + weight + "}')";
        return factor + " * (ts_rank(" + column + ", cast(? as tsquery), 1) + ts_rank(" + column
                + ", cast(? as tsquery), 1))";
    }

    private static final String CODE_ORDER = "a.strategy_id, a.code_key, a.id";
    private static final String DEADLINE_ORDER = "a.deadline is null, a.deadline, " + CODE_ORDER;

    ActionPage byOwner(Connection connection, long ownerId, int offset, int limit) throws SQLException {
        return page(connection, FROM_ACTIONS, new Condition("a.owner_id = ?", List.of(ownerId)), DEADLINE_ORDER,
                List.of(), offset, limit);
    }

    ActionPage overdue(Connection connection, LocalDate today, int offset, int limit) throws SQLException {
        return page(connection, FROM_ACTIONS, new Condition("a.status in ('planned', 'in_progress') and a.deadline < ?",
                List.of(today.toString())), DEADLINE_ORDER, List.of(), offset, limit);
    }

    ActionPage dueBetween(Connection connection, LocalDate from, LocalDate to, int offset, int limit)
            throws SQLException {
        return page(connection, FROM_ACTIONS, new Condition(
                "a.status in ('planned', 'in_progress') and a.deadline between ? and ?",
                List.of(from.toString(), to.toString())), DEADLINE_ORDER, List.of(), offset, limit);
    }

    ActionPage inStrategy(Connection connection, int strategy, int offset, int limit) throws SQLException {
        return page(connection, FROM_ACTIONS, new Condition("a.strategy_id = ?", List.of(strategy)), CODE_ORDER,
                List.of(), offset, limit);
    }

    /** One page of the actions passing {@code filter}: best match first when it has text, else in code order. */
    ActionPage list(Connection connection, ActionFilter filter, LocalDate today, int offset, int limit)
            throws SQLException {
        Dialect dialect = Dialect.of(connection);
        Condition condition = condition(filter, today, dialect);
        if (!hasText(filter)) {
            return page(connection, FROM_ACTIONS, condition, CODE_ORDER, List.of(), offset, limit);
        }
        if (dialect == Dialect.POSTGRESQL) {
            if (condition.parameters().isEmpty()) {
                return page(connection, FROM_ACTIONS, condition, CODE_ORDER, List.of(), offset, limit);
            }
            Object all = condition.parameters().get(0);
            Object whole = SearchText.tsQueryWholeWords(filter.text()).orElseThrow();
            return page(connection, FROM_ACTIONS, condition, "a.code_key = ? desc, " + PG_RANK + ", " + CODE_ORDER,
                    List.of(CodeKey.of(filter.text()), all, whole, all, whole, all, whole), offset, limit);
        }
        return page(connection, FROM_SEARCH, condition, "a.code_key = ? desc, s.rank, " + CODE_ORDER,
                List.of(CodeKey.of(filter.text())), offset, limit);
    }

    /** Every action passing {@code filter}, in code order (export, the Home tab). */
    List<Action> all(Connection connection, ActionFilter filter, LocalDate today) throws SQLException {
        Dialect dialect = Dialect.of(connection);
        Condition condition = condition(filter, today, dialect);
        boolean sqliteSearch = hasText(filter) && dialect == Dialect.SQLITE;
        return Jdbc.list(connection, COLUMNS + (sqliteSearch ? FROM_SEARCH : FROM_ACTIONS)
                + " where " + condition.sql() + " order by " + CODE_ORDER, PlanStore::action,
                condition.parameters().toArray());
    }

    /** The actions whose code is {@code code} in any spelling ("p12" for "P.12", "2,3" for "2.3"). */
    List<Action> withCodeKey(Connection connection, String code) throws SQLException {
        String key = CodeKey.of(code);
        if (key.isEmpty()) {
            return List.of();
        }
        return Jdbc.list(connection, COLUMNS + FROM_ACTIONS + " where a.code_key = ? order by a.id limit 2",
                PlanStore::action, key);
    }

    private static boolean hasText(ActionFilter filter) {
        return filter.text() != null && !filter.text().isBlank();
    }

    /** A where clause and the values it binds, in order. */
    private record Condition(String sql, List<Object> parameters) {
    }

    /** With text, the search query is the first parameter. */
    private static Condition condition(ActionFilter filter, LocalDate today, Dialect dialect) {
        var sql = new StringBuilder("1 = 1");
        var parameters = new ArrayList<Object>();
        if (hasText(filter)) {
            boolean postgres = dialect == Dialect.POSTGRESQL;
            Optional<String> query = postgres ? SearchText.tsQuery(filter.text()) : SearchText.indexQuery(filter.text());
            if (query.isEmpty()) {
                return new Condition("0 = 1", List.of());
            }
            sql.append(postgres ? " and a.search_vector @@ cast(? as tsquery)" : " and s.action_search match ?");
            parameters.add(query.get());
        }
        if (filter.strategy() != null) {
            sql.append(" and a.strategy_id = ?");
            parameters.add(filter.strategy());
        }
        if (filter.status() != null) {
            sql.append(" and a.status = ?");
            parameters.add(filter.status().code());
        }
        if (filter.ownerId() != null) {
            sql.append(" and a.owner_id = ?");
            parameters.add(filter.ownerId());
        }
        if (filter.overdueOnly()) {
            sql.append(" and a.status in ('planned', 'in_progress') and a.deadline < ?");
            parameters.add(today.toString());
        }
        return new Condition(sql.toString(), parameters);
    }

    /** {@code orderParameters} bind the parameters inside {@code order}, after the condition's. */
    private static ActionPage page(Connection connection, String from, Condition condition, String order,
            List<Object> orderParameters, int offset, int limit) throws SQLException {
        long total = Jdbc.count(connection, "select count(*)" + from + " where " + condition.sql(),
                condition.parameters().toArray());
        var parameters = new ArrayList<Object>(condition.parameters());
        parameters.addAll(orderParameters);
        parameters.add(limit);
        parameters.add(offset);
        List<Action> actions = total <= offset ? List.of() : Jdbc.list(connection, COLUMNS + from
                + " where " + condition.sql() + " order by " + order + " limit ? offset ?", PlanStore::action,
                parameters.toArray());
        return new ActionPage(actions, (int) total);
    }
}
