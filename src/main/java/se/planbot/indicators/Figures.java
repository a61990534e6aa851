package se.planbot.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers written the Swedish way for people: {@code 3 700}, {@code 4,1}, {@code −12} (no-break spaces). */
public final class Figures {

    private Figures() {
    }

    /** {@code 3700} → "3 700", {@code 4.10} → "4,1", null → "–" (missing). */
    public static String format(BigDecimal value) {
        if (value == null) {
            return "–";
        }
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.scale() < 0) {
            plain = plain.setScale(0, RoundingMode.UNNECESSARY);
        }
        String text = plain.abs().toPlainString();
        int dot = text.indexOf('.');
        String whole = dot < 0 ? text : text.substring(0, dot);
        String fraction = dot < 0 ? "" : "," + text.substring(dot + 1);
        var grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append('\u00A0');
            }
            grouped.append(whole.charAt(i));
        }
        return (plain.signum() < 0 ? "\u2212" : "") + grouped + fraction;
    }

    /** The same with a sign for a change: "+290", "−0,2", "±0". */
    public static String signed(BigDecimal change) {
        if (change.signum() == 0) {
            return "±0";
        }
        return (change.signum() > 0 ? "+" : "") + format(change);
    }

    /** With the unit when it is a word ("3 700 jobb"), glued when it is a sign ("81,9 %"). */
    public static String withUnit(BigDecimal value, String unit) {
        if (value == null || unit == null || unit.isBlank()) {
            return format(value);
        }
        return format(value) + "\u00A0" + unit;
    }
}
