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

    /**
     * The same query for PostgreSQL's tsvector ({@code (foretag | foretag:*) & ...}), split into
     * words where the index splits them ("1.2" is the phrase {@code 1 <-> 2}, as FTS5 reads it), and
     * folded as unaccent folds the indexed text (ø → o, æ → ae, ß → ss beyond what NFD takes off).
     */
    static Optional<String> tsQuery(String text) {
        List<String> phrases = tsPhrases(text);
        return phrases.isEmpty() ? Optional.empty() : Optional.of(phrases.stream()
                .map(phrase -> "(" + phrase + " | " + phrase + ":*)").collect(Collectors.joining(" & ")));
    }

    private static List<String> tsPhrases(String text) {
        var phrases = new java.util.ArrayList<String>();
        for (String word : words(text)) {
            List<String> parts = Arrays.stream(unaccentRest(word).split("[^\\p{L}\\p{N}]+"))
                    .filter(part -> !part.isEmpty()).toList();
            if (!parts.isEmpty()) {
                phrases.add(parts.stream().map(part -> "'" + part + "'").collect(Collectors.joining(" <-> ")));
            }
        }
        return phrases;
    }

    static String unaccentRest(String folded) {
        return folded.replace("ø", "o").replace("æ", "ae").replace("œ", "oe").replace("ß", "ss")
                .replace("ł", "l").replace("đ", "d").replace("ð", "d").replace("þ", "th");
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return SPACES.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll(" ").trim();
    }
}
