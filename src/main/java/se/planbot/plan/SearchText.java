package se.planbot.plan;

import java.text.Normalizer;
import java.util.Locale;

/** Folds text for search: lower case, no diacritics, single spaces ("Åtgärd  2" → "atgard 2"). */
public final class SearchText {

    private SearchText() {
    }

    /**
     * The distinct folded words of a search, at most {@value #MAX_WORDS}: every word is a term in
     * the SQL, and SQLite refuses an expression deeper than 1000 (a pasted paragraph in Slack).
     * All words must match, so more than a handful already finds nothing.
     */
    public static java.util.List<String> words(String text) {
        String folded = fold(text);
        if (folded.isEmpty()) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(folded.split(" ")).distinct().limit(MAX_WORDS).toList();
    }

    static final int MAX_WORDS = 20;

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").replaceAll("\\s+", " ").trim();
    }
}
