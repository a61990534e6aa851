package se.planbot.plan;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.planbot.db.Dialect;
import se.planbot.db.Jdbc;
import se.planbot.problem.EditDistance;

/**
 * "Menade du …?" for a search that found nothing: each word the index does not know (as a word or
 * the start of one) is replaced by the start of an indexed word one letter away — a letter
 * missing, extra, changed or two swapped ("bygglv" → "bygglov", "praktikplatsr" → "praktikplatser")
 * — the one found in most actions. Words under four letters and words with digits are kept as
 * they are: too many words are one letter from them.
 */
final class SearchSuggestions {

    private static final int SHORTEST = 4;
    /** PostgreSQL's counterpart of SQLite's fts5vocab table: every indexed word and how many actions have it. */
    private static final String PG_TERMS = "ts_stat('select search_vector from actions')";

    Optional<String> corrected(Connection connection, String text) throws SQLException {
        var result = new ArrayList<String>();
        boolean changed = false;
        for (String word : SearchText.words(text)) {
            if (word.length() < SHORTEST || word.chars().anyMatch(Character::isDigit) || known(connection, word)) {
                result.add(word);
                continue;
            }
            Optional<String> near = nearest(connection, word);
            if (near.isEmpty()) {
                return Optional.empty();
            }
            result.add(near.get());
            changed = true;
        }
        return changed ? Optional.of(String.join(" ", result)) : Optional.empty();
    }

    private static boolean known(Connection connection, String word) throws SQLException {
        if (Dialect.of(connection) == Dialect.POSTGRESQL) {
            return Jdbc.one(connection, "select 1 from " + PG_TERMS + " where starts_with(word, ?) limit 1",
                    row -> true, word).isPresent();
        }
        return Jdbc.one(connection, "select 1 from action_search_terms where term >= ? and term < ? limit 1",
                row -> true, word, word + Character.MAX_VALUE).isPresent();
    }

    private record Candidate(String start, long actions) {
    }

    private static Optional<String> nearest(Connection connection, String word) throws SQLException {
        List<Candidate> candidates = Jdbc.list(connection, Dialect.of(connection) == Dialect.POSTGRESQL
                ? "select word as term, ndoc as doc from " + PG_TERMS + " where length(word) >= ?"
                : "select term, doc from action_search_terms where length(term) >= ?",
                row -> new Candidate(row.getString("term"), row.getLong("doc")), word.length() - 1);
        Candidate best = null;
        for (Candidate term : candidates) {
            Optional<String> start = longestStartOneLetterAway(word, term.start());
            if (start.isPresent() && (best == null || better(new Candidate(start.get(), term.actions()), best))) {
                best = new Candidate(start.get(), term.actions());
            }
        }
        return Optional.ofNullable(best).map(Candidate::start);
    }

    /** The longest start of {@code term} (the whole of it if it can be) that is one letter from {@code word}. */
    private static Optional<String> longestStartOneLetterAway(String word, String term) {
        for (int length = Math.min(word.length() + 1, term.length()); length >= word.length() - 1; length--) {
            String start = term.substring(0, length);
            if (EditDistance.between(word, start) == 1) {
                return Optional.of(start);
            }
        }
        return Optional.empty();
    }

    /** Found in more actions; then the longer word; then the first in the alphabet. */
    private static boolean better(Candidate candidate, Candidate best) {
        if (candidate.actions() != best.actions()) {
            return candidate.actions() > best.actions();
        }
        if (candidate.start().length() != best.start().length()) {
            return candidate.start().length() > best.start().length();
        }
        return candidate.start().compareTo(best.start()) < 0;
    }
}
