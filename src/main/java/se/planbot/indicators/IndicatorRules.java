package se.planbot.indicators;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Pattern;
import se.planbot.db.Jdbc;
import se.planbot.problem.Errors;
import se.planbot.problem.InputText;

/** What a valid indicator is; every problem is named by its API field, in Swedish. */
final class IndicatorRules {

    static final int FIRST_YEAR = IndicatorInput.FIRST_YEAR;
    static final int LAST_YEAR = IndicatorInput.LAST_YEAR;
    private static final Pattern KPI = Pattern.compile("[A-Z]\\d{5}");
    private static final Pattern MUNICIPALITY = Pattern.compile("\\d{4}");

    private final IndicatorStore store;

    IndicatorRules(IndicatorStore store) {
        this.store = store;
    }

    /** Checks a complete draft ({@code id} null for a new indicator); throws every problem at once. */
    IndicatorDraft check(Connection connection, IndicatorDraft draft, Long id) throws SQLException {
        var errors = new Errors();
        if (draft.name() == null || draft.name().isBlank()) {
            errors.add("name", "namnet saknas");
        }
        InputText.line(errors, "name", "namnet", draft.name(), 200);
        InputText.text(errors, "description", "beskrivningen", draft.description(), 10_000);
        InputText.line(errors, "unit", "enheten", draft.unit(), 50);
        InputText.line(errors, "goal", "målet", draft.goal(), 300);
        if (draft.strategyId() != null && Jdbc.count(connection, "select count(*) from strategies where id = ?",
                draft.strategyId()) == 0) {
            errors.add("strategy", "strategi " + draft.strategyId() + " finns inte; se GET /api/v1/strategies");
        }
        IndicatorInput.digits(errors, "baselineValue", draft.baselineValue());
        IndicatorInput.digits(errors, "targetValue", draft.targetValue());
        pair(errors, "baseline", "basåret", "basvärdet", draft.baselineYear(), draft.baselineValue());
        pair(errors, "target", "målåret", "målvärdet", draft.targetYear(), draft.targetValue());
        if (draft.baselineYear() != null && draft.targetYear() != null && draft.targetYear() < draft.baselineYear()) {
            errors.add("targetYear", "målåret " + draft.targetYear() + " ligger före basåret " + draft.baselineYear());
        }
        source(connection, errors, draft, id);
        errors.throwIfAny();
        return new IndicatorDraft(draft.name().trim(), orEmpty(draft.description()), orEmpty(draft.unit()).trim(),
                draft.direction(), orEmpty(draft.goal()).trim(), draft.strategyId(), draft.baselineYear(),
                draft.baselineValue(), draft.targetYear(), draft.targetValue(), draft.sourceKind(),
                blankToNull(draft.koladaKpi()), blankToNull(draft.koladaMunicipality()), draft.derivedFrom());
    }

    private void source(Connection connection, Errors errors, IndicatorDraft draft, Long id) throws SQLException {
        SourceKind kind = draft.sourceKind();
        String kpi = blankToNull(draft.koladaKpi());
        String municipality = blankToNull(draft.koladaMunicipality());
        if (kind == SourceKind.KOLADA && kpi == null) {
            errors.add("koladaKpi", "ange Koladas nyckeltal (t.ex. N00999) när källan är kolada");
        }
        if (kpi != null && !KPI.matcher(kpi).matches()) {
            errors.add("koladaKpi", "'" + kpi + "' är inget Kolada-id (en bokstav och fem siffror, t.ex. N00999)");
        }
        if (municipality != null && !MUNICIPALITY.matcher(municipality).matches()) {
            errors.add("koladaMunicipality", "'" + municipality + "' är ingen kommunkod (fyra siffror, t.ex. 1489)");
        }
        if (kind != SourceKind.KOLADA && (kpi != null || municipality != null)) {
            errors.add(kpi != null ? "koladaKpi" : "koladaMunicipality", "anges bara när källan (source) är kolada");
        }
        if (kind == SourceKind.DERIVED) {
            if (draft.derivedFrom() == null) {
                errors.add("derivedFrom", "ange vilken indikator värdena räknas fram från");
            } else if (id != null && draft.derivedFrom() == id) {
                errors.add("derivedFrom", "en indikator kan inte räknas fram från sig själv");
            } else {
                var from = store.indicator(connection, draft.derivedFrom());
                if (from.isEmpty()) {
                    errors.add("derivedFrom", "indikator " + draft.derivedFrom() + " finns inte");
                } else if (from.get().derived()) {
                    errors.add("derivedFrom", "indikator " + draft.derivedFrom()
                            + " är själv framräknad; räkna fram från en med egna värden");
                }
            }
            if (draft.baselineYear() == null) {
                errors.add("baselineYear", "en framräknad indikator behöver ett basår (värdet räknas från det året)");
            }
        } else if (draft.derivedFrom() != null) {
            errors.add("derivedFrom", "anges bara när källan (source) är derived");
        }
    }

    private static void pair(Errors errors, String field, String yearLabel, String valueLabel, Integer year,
            BigDecimal value) {
        if (year != null && (year < FIRST_YEAR || year > LAST_YEAR)) {
            errors.add(field + "Year", yearLabel + " " + year + " ligger utanför " + FIRST_YEAR + "–" + LAST_YEAR);
        }
        if (year != null && value == null) {
            errors.add(field + "Value", valueLabel + " saknas (" + yearLabel + " är angivet)");
        } else if (year == null && value != null) {
            errors.add(field + "Year", yearLabel + " saknas (" + valueLabel + " är angivet)");
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
