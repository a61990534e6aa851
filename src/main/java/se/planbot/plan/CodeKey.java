package se.planbot.plan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An action code's sort and look-up key: its runs of digits and of letters, folded, each number
 * prefixed by its length so that 1.2 sorts before 1.10 as text ("P.12" → "p.0212"). Separators
 * do not count, so {@code P.12}, {@code p-12} and {@code P 12} have the same key.
 */
public final class CodeKey {

    private static final Pattern PART = Pattern.compile("\\p{N}+|\\p{L}+");

    private CodeKey() {
    }

    public static String of(String code) {
        var key = new StringBuilder();
        Matcher part = PART.matcher(SearchText.fold(code));
        while (part.find()) {
            if (!key.isEmpty()) {
                key.append('.');
            }
            String text = part.group();
            if (Character.isDigit(text.charAt(0))) {
                int zeros = 0;
                while (zeros < text.length() - 1 && text.charAt(zeros) == '0') {
                    zeros++;
                }
                String number = text.substring(zeros);
                int length = Math.min(number.length(), 99);
                // Two digits of length, written by hand: this runs for every code looked up from Slack.
                key.append(length < 10 ? "0" : "").append(length).append(number);
            } else {
                key.append(text);
            }
        }
        return key.toString();
    }
}
