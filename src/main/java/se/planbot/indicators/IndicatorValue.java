package se.planbot.indicators;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One year's value of an indicator. {@code value} null means the year is known to be missing
 * (Kolada answered null); {@code fetchedAt} is when the current value arrived (fetched, imported
 * or typed in); {@code note} says e.g. that the definition changed that year.
 */
public record IndicatorValue(int year, BigDecimal value, ValueSource source, Instant fetchedAt, String note) {

    public boolean missing() {
        return value == null;
    }
}
