package se.planbot.indicators;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import se.planbot.db.Jdbc;

/** The indicator tables (V40). SQL only; the rules live in {@link IndicatorService}. */
final class IndicatorStore {

    List<Indicator> indicators(Connection connection) throws SQLException {
        return Jdbc.list(connection, "select * from indicators order by id", IndicatorStore::indicator);
    }

    Optional<Indicator> indicator(Connection connection, long id) throws SQLException {
        return Jdbc.one(connection, "select * from indicators where id = ?", IndicatorStore::indicator, id);
    }

    long insert(Connection connection, IndicatorDraft draft, Instant now) throws SQLException {
        return Jdbc.insert(connection, """
                insert into indicators (name, description, unit, direction, goal, strategy_id, baseline_year,
                    baseline_value, target_year, target_value, source_kind, kolada_kpi, kolada_municipality,
                    derived_from, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, draft.name(), draft.description(), draft.unit(), draft.direction().code(), draft.goal(),
                draft.strategyId(), draft.baselineYear(), text(draft.baselineValue()), draft.targetYear(),
                text(draft.targetValue()), draft.sourceKind().code(), draft.koladaKpi(), draft.koladaMunicipality(),
                draft.derivedFrom(), now, now);
    }

    void update(Connection connection, long id, IndicatorDraft draft, Instant now) throws SQLException {
        Jdbc.update(connection, """
                update indicators set name = ?, description = ?, unit = ?, direction = ?, goal = ?, strategy_id = ?,
                    baseline_year = ?, baseline_value = ?, target_year = ?, target_value = ?, source_kind = ?,
                    kolada_kpi = ?, kolada_municipality = ?, derived_from = ?, updated_at = ?
                where id = ?
                """, draft.name(), draft.description(), draft.unit(), draft.direction().code(), draft.goal(),
                draft.strategyId(), draft.baselineYear(), text(draft.baselineValue()), draft.targetYear(),
                text(draft.targetValue()), draft.sourceKind().code(), draft.koladaKpi(), draft.koladaMunicipality(),
                draft.derivedFrom(), now, id);
    }

    List<IndicatorValue> values(Connection connection, long indicatorId) throws SQLException {
        return Jdbc.list(connection, "select * from indicator_values where indicator_id = ? order by year",
                IndicatorStore::value, indicatorId);
    }

    Optional<IndicatorValue> value(Connection connection, long indicatorId, int year) throws SQLException {
        return Jdbc.one(connection, "select * from indicator_values where indicator_id = ? and year = ?",
                IndicatorStore::value, indicatorId, year);
    }

    void saveValue(Connection connection, long indicatorId, IndicatorValue value, String enteredBy)
            throws SQLException {
        Jdbc.update(connection, """
                insert into indicator_values (indicator_id, year, value, source, fetched_at, note, entered_by)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (indicator_id, year) do update set value = excluded.value, source = excluded.source,
                    fetched_at = excluded.fetched_at, note = excluded.note, entered_by = excluded.entered_by
                """, indicatorId, value.year(), text(value.value()), value.source().code(), value.fetchedAt(),
                value.note() == null ? "" : value.note(), enteredBy);
    }

    List<KoladaDifference> differences(Connection connection) throws SQLException {
        return Jdbc.list(connection, """
                select d.indicator_id, d.year, d.kolada_value, d.found_at, v.value as kept_value
                from indicator_value_differences d
                left join indicator_values v on v.indicator_id = d.indicator_id and v.year = d.year
                order by d.indicator_id, d.year
                """, row -> new KoladaDifference(row.getLong("indicator_id"), row.getInt("year"),
                decimal(row.getString("kept_value")), decimal(row.getString("kolada_value")),
                Jdbc.instant(row, "found_at")));
    }

    void saveDifference(Connection connection, long indicatorId, int year, BigDecimal koladaValue, Instant now)
            throws SQLException {
        Jdbc.update(connection, """
                insert into indicator_value_differences (indicator_id, year, kolada_value, found_at)
                values (?, ?, ?, ?)
                on conflict (indicator_id, year) do update set kolada_value = excluded.kolada_value,
                    found_at = excluded.found_at
                """, indicatorId, year, text(koladaValue), now);
    }

    void clearDifference(Connection connection, long indicatorId, int year) throws SQLException {
        Jdbc.update(connection, "delete from indicator_value_differences where indicator_id = ? and year = ?",
                indicatorId, year);
    }

    /** Kolada values whose fetch time lies in [from, to): what a digest calls new. */
    List<FetchedValue> fetchedBetween(Connection connection, Instant from, Instant to) throws SQLException {
        return Jdbc.list(connection, """
                select * from indicator_values where source = 'kolada' and fetched_at >= ? and fetched_at < ?
                order by indicator_id, year
                """, row -> new FetchedValue(row.getLong("indicator_id"), value(row)), from, to);
    }

    static String text(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    private static Integer nullableInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private static Indicator indicator(ResultSet row) throws SQLException {
        return new Indicator(
                row.getLong("id"),
                row.getString("name"),
                row.getString("description"),
                row.getString("unit"),
                Direction.fromCode(row.getString("direction")).orElseThrow(),
                row.getString("goal"),
                nullableInt(row, "strategy_id"),
                nullableInt(row, "baseline_year"),
                decimal(row.getString("baseline_value")),
                nullableInt(row, "target_year"),
                decimal(row.getString("target_value")),
                SourceKind.fromCode(row.getString("source_kind")).orElseThrow(),
                row.getString("kolada_kpi"),
                row.getString("kolada_municipality"),
                Jdbc.nullableLong(row, "derived_from"),
                Jdbc.instant(row, "updated_at"));
    }

    private static IndicatorValue value(ResultSet row) throws SQLException {
        return new IndicatorValue(row.getInt("year"), decimal(row.getString("value")),
                ValueSource.fromCode(row.getString("source")).orElseThrow(), Jdbc.instant(row, "fetched_at"),
                row.getString("note"));
    }

    record FetchedValue(long indicatorId, IndicatorValue value) {
    }
}
