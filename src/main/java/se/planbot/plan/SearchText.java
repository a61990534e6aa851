package se.planbot.plan;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Folds text for search: lower case, no diacritics, single spaces ("Åtgärd  2" → "atgard 2"). */
public final class SearchText {

    static final int MAX_WORDS = 20;
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

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
        return SPACES.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll(" ").trim();
    }
}
