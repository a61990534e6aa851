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
 * code first, then bm25 with code before title before description (SQLite's own; on PostgreSQL the
 * same formula in {@link Bm25}).
 */
final class ActionQueries {

    private static final String COLUMNS =
            "select a.*, p.name as owner_name, p.email as owner_email, p.slack_user_id as owner_slack";
    private static final String FROM_ACTIONS = " from actions a left join people p on p.id = a.owner_id";
    private static final String FROM_SEARCH = " from action_search s join actions a on a.id = s.rowid"
            + " left join people p on p.id = a.owner_id";
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
            return rankedInJava(connection, filter, condition, offset, limit);
        }
        return page(connection, FROM_SEARCH, condition, "a.code_key = ? desc, s.rank, " + CODE_ORDER,
                List.of(CodeKey.of(filter.text())), offset, limit);
    }

    /**
     * PostgreSQL: the tsvector finds the hits; they are ranked by {@link Bm25}, SQLite's formula, so
     * that both databases answer a search in the same order (an exact code first, then rank, then
     * code order). Reads every action's text for the index statistics: fine for a plan's thousands.
     */
    private static ActionPage rankedInJava(Connection connection, ActionFilter filter, Condition condition, int offset,
            int limit) throws SQLException {
        record Hit(long id, boolean exactCode, double rank, int strategy, String codeKey) {
        }
        if (condition.parameters().isEmpty()) {
            return new ActionPage(List.of(), 0);
        }
        var bm25 = new Bm25(filter.text(), Jdbc.list(connection, "select code, title, description from actions",
                row -> new String[] {row.getString(1), row.getString(2), row.getString(3)}));
        String key = CodeKey.of(filter.text());
        List<Hit> hits = new ArrayList<>(Jdbc.list(connection, "select a.id, a.code, a.title, a.description, a.strategy_id,"
                + " a.code_key" + FROM_ACTIONS + " where " + condition.sql(), row -> new Hit(row.getLong("id"),
                        row.getString("code_key").equals(key), bm25.rank(new String[] {row.getString("code"),
                                row.getString("title"), row.getString("description")}), row.getInt("strategy_id"),
                        row.getString("code_key")), condition.parameters().toArray()));
        hits.sort(java.util.Comparator.comparing((Hit hit) -> !hit.exactCode()).thenComparingDouble(Hit::rank)
                .thenComparingInt(Hit::strategy).thenComparing(Hit::codeKey).thenComparingLong(Hit::id));
        var actions = new ArrayList<Action>();
        for (Hit hit : hits.subList(Math.min(offset, hits.size()), Math.min(offset + limit, hits.size()))) {
            actions.add(Jdbc.one(connection, COLUMNS + FROM_ACTIONS + " where a.id = ?", PlanStore::action, hit.id())
                    .orElseThrow());
        }
        return new ActionPage(actions, hits.size());
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
