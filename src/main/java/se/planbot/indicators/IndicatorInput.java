package se.planbot.indicators;

import java.math.BigDecimal;
import se.planbot.problem.Errors;

/**
 * Years and numbers as people type them, in the API's path, a sheet's cell or a console form:
 * one set of rules and Swedish messages for all of them.
 */
public final class IndicatorInput {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2100;

    private IndicatorInput() {
    }

    /** Problem with a year as a person typed it (a path segment, a sheet cell); the year when fine. */
    public static Integer year(Errors errors, String field, String text) {
        String trimmed = text == null ? "" : text.trim();
        if (!trimmed.matches("\\d{4}")) {
            errors.add(field, "'" + text + "' är inget år (ÅÅÅÅ, t.ex. 2024)");
            return null;
        }
        int year = Integer.parseInt(trimmed);
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            errors.add(field, "året " + year + " ligger utanför " + FIRST_YEAR + "–" + LAST_YEAR);
            return null;
        }
        return year;
    }

    /**
     * A number as a person types it: {@code 4.1}, {@code 4,1}, {@code 3 700} or {@code -12}; empty
     * means missing (null). Adds a Swedish problem and returns null when it is no number.
     */
    public static BigDecimal number(Errors errors, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String plain = text.trim().replace('\u00A0', ' ').replace('\u202F', ' ').replace(" ", "")
                .replace('\u2212', '-').replace(',', '.');
        if (!plain.matches("-?\\d+(\\.\\d+)?")) {
            errors.add(field, "'" + text + "' är inget tal (t.ex. 4,1 eller 3700)");
            return null;
        }
        var value = new BigDecimal(plain);
        return digits(errors, field, value) ? value : null;
    }

    /** False (with a problem added) when {@code value} has more digits than a figure needs. */
    public static boolean digits(Errors errors, String field, BigDecimal value) {
        if (value == null) {
            return true;
        }
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.precision() - plain.scale() > 15 || plain.scale() > 6) {
            errors.add(field, "'" + plain.toPlainString() + "' har för många siffror (högst 15 före och 6 efter decimaltecknet)");
            return false;
        }
        return true;
    }
}
