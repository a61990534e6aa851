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
                String number = text.replaceFirst("^0+(?=.)", "");
                key.append(String.format("%02d", Math.min(number.length(), 99))).append(number);
            } else {
                key.append(text);
            }
        }
        return key.toString();
    }
}
