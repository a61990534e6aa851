package se.planbot.plan;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Folds text for search: lower case, no diacritics, single spaces ("Åtgärd  2" → "atgard 2"). */
public final class SearchText {

    static final int MAX_WORDS = 20;

    private SearchText() {
    }

    /**
     * The distinct folded words of a search, at most {@value #MAX_WORDS}: every word is a term of
     * the index query, and all must match, so more than a handful already finds nothing.
     * Words without a letter or digit ("–", "?") are left out.
     */
    public static List<String> words(String text) {
        String folded = fold(text);
        if (folded.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(folded.split(" ")).filter(word -> word.codePoints().anyMatch(Character::isLetterOrDigit))
                .distinct().limit(MAX_WORDS).toList();
    }

    /**
     * The full-text query for {@code text}: every word required, as a whole word or as the start
     * of one ({@code ("foretag" OR "foretag"*) AND ...}); a whole word counts twice in bm25, so it
     * ranks above a word that only starts with it. Empty when the text has no word to look for.
     */
    static Optional<String> indexQuery(String text) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(words.stream().map(word -> "\"" + word.replace("\"", "\"\"") + "\"")
                .map(term -> "(" + term + " OR " + term + "*)")
                .collect(Collectors.joining(" AND ")));
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").replaceAll("\\s+", " ").trim();
    }

    /**
     * How many one-letter edits (a letter missing, extra, changed, or two neighbours swapped) turn
     * {@code a} into {@code b}: "bygglv" → "bygglov" is 1.
     */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
