package se.planbot.problem;

import java.util.Locale;
import java.util.Optional;

/**
 * The one set of rules for text a person types, used by the API, the import, Slack and the web
 * forms: no control characters (a NUL or ESC in an address kills every mail to it), no characters
 * that turn the writing direction around (they make "Klar" read as something else), no
 * invisible zero-width characters or line breaks in one-line texts (titles, names, addresses),
 * nothing that shows invalid UTF-8, and a length limit. Each problem is a Swedish sentence that
 * starts with the field's name as a person knows it ("titeln", "anteckningen").
 */
public final class InputText {

    /** Notes (a progress report's "why") are at most this long everywhere. */
    public static final int NOTE_MAX = 1_000;

    private InputText() {
    }

    /** Adds {@code field}'s problem to {@code errors} when {@code text} is no valid one-line text. */
    public static void line(Errors errors, String field, String label, String text, int max) {
        lineProblem(label, text, max).ifPresent(problem -> errors.add(field, problem));
    }

    /** Adds {@code field}'s problem to {@code errors} when {@code text} is no valid text of several lines. */
    public static void text(Errors errors, String field, String label, String text, int max) {
        textProblem(label, text, max).ifPresent(problem -> errors.add(field, problem));
    }

    /** What is wrong with a one-line text (a title, name or address); empty when it is fine or absent. */
    public static Optional<String> lineProblem(String label, String text, int max) {
        return problem(label, text, max, false);
    }

    /** What is wrong with a text that may have line breaks and tabs (a note, a description). */
    public static Optional<String> textProblem(String label, String text, int max) {
        return problem(label, text, max, true);
    }

    private static Optional<String> problem(String label, String text, int max, boolean lines) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || isLoneSurrogate(text, i)) {
                return Optional.of(label + " är ogiltig UTF-8 (ett tecken gick inte att läsa); skicka texten som UTF-8");
            }
            if (c == '\n' || c == '\r') {
                if (!lines) {
                    return Optional.of(label + " ska vara en rad (utan radbrytning)");
                }
            } else if (c == '\t' && lines) {
                continue;
            } else if (Character.getType(c) == Character.CONTROL) {
                return Optional.of(label + " innehåller ett styrtecken (" + codePoint(c) + ") som inte syns; ta bort det");
            } else if (isDirectionOverride(c)) {
                return Optional.of(label + " innehåller ett tecken som vänder skrivriktningen (" + codePoint(c)
                        + "); ta bort det");
            } else if (!lines && isZeroWidth(c)) {
                return Optional.of(label + " innehåller ett osynligt tecken utan bredd (" + codePoint(c) + "); ta bort det");
            }
        }
        if (text.length() > max) {
            return Optional.of(label + " är för lång: högst " + String.format(Locale.ROOT, "%,d", max).replace(',', ' ')
                    + " tecken (nu " + text.length() + ")");
        }
        return Optional.empty();
    }

    /** Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): the "Trojan Source" characters. */
    private static boolean isDirectionOverride(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static boolean isZeroWidth(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }

    private static boolean isLoneSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
