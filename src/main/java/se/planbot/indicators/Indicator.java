package se.planbot.indicators;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * An indicator the programme is judged on: what it measures, which way is better, the goal (and
 * optionally the strategy) it belongs to, its baseline and target, and how its values arrive.
 * Baseline and target are each a year with a value, or both null.
 */
public record Indicator(
        long id,
        String name,
        String description,
        String unit,
        Direction direction,
        String goal,
        Integer strategyId,
        Integer baselineYear,
        BigDecimal baselineValue,
        Integer targetYear,
        BigDecimal targetValue,
        SourceKind sourceKind,
        String koladaKpi,
        String koladaMunicipality,
        Long derivedFrom,
        Instant updatedAt) {

    public boolean fromKolada() {
        return sourceKind == SourceKind.KOLADA;
    }

    public boolean derived() {
        return sourceKind == SourceKind.DERIVED;
    }

    public Optional<Integer> strategy() {
        return Optional.ofNullable(strategyId);
    }
}
