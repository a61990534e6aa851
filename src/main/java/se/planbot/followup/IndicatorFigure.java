package se.planbot.followup;

import java.util.Map;

/**
 * One indicator as the report needs it. Values by year may miss years; {@code higherIsBetter}
 * tells which way is good; {@code source} is e.g. "Kolada" or "Manuellt inlagd"; {@code note}
 * tells of a definition break. Baseline and target may be null (then it cannot be judged).
 */
public record IndicatorFigure(String name, String unit, String goal, boolean higherIsBetter,
        Integer baselineYear, Double baselineValue, Integer targetYear, Double targetValue,
        Map<Integer, Double> values, String source, String note) {

    public IndicatorFigure {
        values = Map.copyOf(values);
        unit = unit == null ? "" : unit;
        goal = goal == null ? "" : goal;
        source = source == null ? "" : source;
        note = note == null ? "" : note;
    }
}
