package se.planbot.plan;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.planbot.db.Jdbc;

/**
 * Paged lists of actions for answers that show one page at a time (Slack): the database counts
 * and cuts, so a plan of thousands of actions costs one page of rows, not the whole list.
 * Search is ranked here too: an exact code first, then words found as whole words in the title,
 * then at the start of a title word, then anywhere in the title, then only in the description.
 */
final class ActionQueries {

    /** The part of search_text that is code and title (search_text is "code title description", folded). */
    private static final String CODE_AND_TITLE = "substr(a.search_text, 1, length(a.code) + 1 + length(a.title))";

    ActionPage byOwner(Connection connection, long ownerId, int offset, int limit) throws SQLException {
        return page(connection, "a.owner_id = ?", List.of(ownerId), deadlineOrder(), offset, limit);
    }

    ActionPage overdue(Connection connection, LocalDate today, int offset, int limit) throws SQLException {
        return page(connection, "a.status in ('planned', 'in_progress') and a.deadline < ?", List.of(today.toString()),
                deadlineOrder(), offset, limit);
    }

    ActionPage dueBetween(Connection connection, LocalDate from, LocalDate to, int offset, int limit)
            throws SQLException {
        return page(connection, "a.status in ('planned', 'in_progress') and a.deadline between ? and ?",
                List.of(from.toString(), to.toString()), deadlineOrder(), offset, limit);
    }

    ActionPage inStrategy(Connection connection, int strategy, int offset, int limit) throws SQLException {
        return page(connection, "a.strategy_id = ?", List.of(strategy), "a.code collate nocase, a.id", offset, limit);
    }

    ActionPage search(Connection connection, String text, int offset, int limit) throws SQLException {
        java.util.List<String> words = SearchText.words(text);
        var where = new StringBuilder("1 = 1");
        var whereParameters = new ArrayList<Object>();
        var score = new StringBuilder("0");
        var scoreParameters = new ArrayList<Object>();
        for (String word : words) {
            where.append(" and a.search_text like ? escape '\\'");
            whereParameters.add("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            score.append(" + 100 * (lower(a.code) = ?)")
                    .append(" + 12 * (instr(' ' || ").append(CODE_AND_TITLE).append(" || ' ', ?) > 0)")
                    .append(" + 8 * (instr(' ' || ").append(CODE_AND_TITLE).append(", ?) > 0)")
                    .append(" + 4 * (instr(").append(CODE_AND_TITLE).append(", ?) > 0)");
            scoreParameters.add(word);
            scoreParameters.add(" " + word + " ");
            scoreParameters.add(" " + word);
            scoreParameters.add(word);
        }
        var parameters = new ArrayList<Object>(whereParameters);
        parameters.addAll(scoreParameters);
        return page(connection, where.toString(), whereParameters, parameters,
                "(" + score + ") desc, a.strategy_id, a.code collate nocase, a.id", offset, limit);
    }

    private static String deadlineOrder() {
        return "a.deadline is null, a.deadline, a.strategy_id, a.code collate nocase, a.id";
    }

    private ActionPage page(Connection connection, String where, List<Object> parameters, String order, int offset,
            int limit) throws SQLException {
        return page(connection, where, parameters, parameters, order, offset, limit);
    }

    /** {@code listParameters} bind the where clause and then any parameters inside {@code order}. */
    private ActionPage page(Connection connection, String where, List<Object> countParameters,
            List<Object> listParameters, String order, int offset, int limit) throws SQLException {
        long total = Jdbc.count(connection, "select count(*) from actions a where " + where, countParameters.toArray());
        var parameters = new ArrayList<Object>(listParameters);
        parameters.add(limit);
        parameters.add(offset);
        List<Action> actions = Jdbc.list(connection, PlanStore.ACTION_COLUMNS + " where " + where
                + " order by " + order + " limit ? offset ?", PlanStore::action, parameters.toArray());
        return new ActionPage(actions, (int) total);
    }
}
