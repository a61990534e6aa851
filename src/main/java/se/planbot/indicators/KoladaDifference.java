package se.planbot.indicators;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Kolada's figure for a year where someone entered a different one by hand: the hand-entered
 * value is kept, this is what the fetch and the digest report.
 */
public record KoladaDifference(long indicatorId, int year, BigDecimal keptValue, BigDecimal koladaValue,
        Instant foundAt) {
}
