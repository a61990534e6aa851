package se.planbot.followup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import se.planbot.indicators.Direction;
import se.planbot.indicators.Indicator;
import se.planbot.indicators.IndicatorService;
import se.planbot.indicators.IndicatorValue;
import se.planbot.indicators.SourceKind;

/**
 * The report's indicator figures read from the indicators feature: every indicator with its known
 * values (a missing value stays out), its source in words ("Kolada" where it applies) and the notes
 * of its values (e.g. a definition break) as one line.
 */
public final class IndicatorServiceFigures implements IndicatorFigures {

    private final IndicatorService indicators;

    public IndicatorServiceFigures(IndicatorService indicators) {
        this.indicators = indicators;
    }

    @Override
    public List<IndicatorFigure> all() {
        var figures = new ArrayList<IndicatorFigure>();
        for (Indicator indicator : indicators.list()) {
            var values = new LinkedHashMap<Integer, Double>();
            var notes = new ArrayList<String>();
            for (IndicatorValue value : indicators.values(indicator.id())) {
                if (value.value() != null) {
                    values.put(value.year(), value.value().doubleValue());
                }
                if (value.note() != null && !value.note().isBlank()) {
                    notes.add(value.year() + ": " + value.note().strip());
                }
            }
            figures.add(new IndicatorFigure(indicator.name(), indicator.unit(), indicator.goal(),
                    indicator.direction() != Direction.LOWER, indicator.baselineYear(), number(indicator.baselineValue()),
                    indicator.targetYear(), number(indicator.targetValue()), values, source(indicator.sourceKind()),
                    notes.stream().collect(Collectors.joining("; "))));
        }
        return figures;
    }

    private static Double number(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    private static String source(SourceKind kind) {
        return switch (kind) {
            case KOLADA -> "Kolada";
            case MANUAL -> "inlagt av kommunen";
            case FILE -> "inläst från fil";
            case DERIVED -> "beräknat från en annan indikator";
        };
    }
}
