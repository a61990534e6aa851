package se.planbot.indicators;

import java.math.BigDecimal;
import java.util.Set;

/**
 * An indicator's fields as a person gave them, before they are checked. For a new indicator every
 * field counts; as a patch, null means "leave as it is" and {@link #without} empties fields.
 */
public record IndicatorDraft(
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
        Long derivedFrom) {

    /** Fields a PATCH may empty with {@code null}; name, direction and source kind are required. */
    public static final Set<String> CLEARABLE = Set.of("description", "unit", "goal", "strategy", "baselineYear",
            "baselineValue", "targetYear", "targetValue", "koladaKpi", "koladaMunicipality", "derivedFrom");

    /** This patch laid over {@code current}: each field given here wins. */
    public IndicatorDraft over(Indicator current) {
        return new IndicatorDraft(
                name != null ? name : current.name(),
                description != null ? description : current.description(),
                unit != null ? unit : current.unit(),
                direction != null ? direction : current.direction(),
                goal != null ? goal : current.goal(),
                strategyId != null ? strategyId : current.strategyId(),
                baselineYear != null ? baselineYear : current.baselineYear(),
                baselineValue != null ? baselineValue : current.baselineValue(),
                targetYear != null ? targetYear : current.targetYear(),
                targetValue != null ? targetValue : current.targetValue(),
                sourceKind != null ? sourceKind : current.sourceKind(),
                koladaKpi != null ? koladaKpi : current.koladaKpi(),
                koladaMunicipality != null ? koladaMunicipality : current.koladaMunicipality(),
                derivedFrom != null ? derivedFrom : current.derivedFrom());
    }

    /** This draft with the given {@link #CLEARABLE} fields (API names) emptied. */
    public IndicatorDraft without(Set<String> cleared) {
        return new IndicatorDraft(name,
                cleared.contains("description") ? "" : description,
                cleared.contains("unit") ? "" : unit,
                direction,
                cleared.contains("goal") ? "" : goal,
                cleared.contains("strategy") ? null : strategyId,
                cleared.contains("baselineYear") ? null : baselineYear,
                cleared.contains("baselineValue") ? null : baselineValue,
                cleared.contains("targetYear") ? null : targetYear,
                cleared.contains("targetValue") ? null : targetValue,
                sourceKind,
                cleared.contains("koladaKpi") ? null : koladaKpi,
                cleared.contains("koladaMunicipality") ? null : koladaMunicipality,
                cleared.contains("derivedFrom") ? null : derivedFrom);
    }
}
