package se.planbot.indicators;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import se.planbot.db.Database;
import se.planbot.problem.Errors;
import se.planbot.problem.InputText;
import se.planbot.problem.InvalidInput;
import se.planbot.problem.NotFound;

/**
 * The programme's indicators and their yearly values: the one way in for the API, the console,
 * the import, the Kolada fetch and Slack, and the read side the pages and the follow-up report use.
 *
 * <p>A derived indicator stores no values: {@link #values(long)} computes them from the indicator
 * it is derived from, as that one's value minus its value in the derived indicator's baseline year
 * ("new jobs since 2021" = jobs(year) − jobs(2021)).
 */
public final class IndicatorService {

    private final Database database;
    private final Clock clock;
    private final IndicatorStore store = new IndicatorStore();
    private final IndicatorRules rules = new IndicatorRules(store);

    public IndicatorService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Every indicator, by id. */
    public List<Indicator> list() {
        return database.read(this::list);
    }

    public List<Indicator> list(Connection connection) throws SQLException {
        return store.indicators(connection);
    }

    public Optional<Indicator> find(long id) {
        return database.read(connection -> store.indicator(connection, id));
    }

    /** The indicator, or {@link NotFound} ("Indikator 7 finns inte"). */
    public Indicator require(long id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /** The indicator's values by year, oldest first (computed for a derived one); empty for an unknown id. */
    public List<IndicatorValue> values(long id) {
        return database.read(connection -> values(connection, id));
    }

    /** As {@link #values(long)}, inside the caller's transaction (a report freezing its figures). */
    public List<IndicatorValue> values(Connection connection, long id) throws SQLException {
        var indicator = store.indicator(connection, id);
        if (indicator.isEmpty()) {
            return List.of();
        }
        if (!indicator.get().derived()) {
            return store.values(connection, id);
        }
        return derive(indicator.get(), store.values(connection, indicator.get().derivedFrom()));
    }

    /** The newest year that has a value (a missing year is skipped). */
    public Optional<IndicatorValue> latest(long id) {
        var values = values(id);
        for (int i = values.size() - 1; i >= 0; i--) {
            if (!values.get(i).missing()) {
                return Optional.of(values.get(i));
            }
        }
        return Optional.empty();
    }

    /** Kolada figures that differ from values entered by hand (which were kept). */
    public List<KoladaDifference> differences() {
        return database.read(store::differences);
    }

    public Indicator create(IndicatorDraft draft) {
        return database.write(connection -> create(connection, draft));
    }

    public Indicator create(Connection connection, IndicatorDraft draft) throws SQLException {
        var complete = new IndicatorDraft(draft.name(), draft.description(), draft.unit(),
                draft.direction() == null ? Direction.HIGHER : draft.direction(), draft.goal(), draft.strategyId(),
                draft.baselineYear(), draft.baselineValue(), draft.targetYear(), draft.targetValue(),
                draft.sourceKind() == null ? SourceKind.MANUAL : draft.sourceKind(), draft.koladaKpi(),
                draft.koladaMunicipality(), draft.derivedFrom());
        long id = store.insert(connection, rules.check(connection, complete, null), clock.instant());
        return store.indicator(connection, id).orElseThrow();
    }

    /** Changes the fields given in {@code patch} and empties those in {@code cleared} (API names). */
    public Indicator patch(long id, IndicatorDraft patch, Set<String> cleared) {
        return database.write(connection -> {
            var current = store.indicator(connection, id).orElseThrow(() -> notFound(id));
            var merged = rules.check(connection, patch.over(current).without(cleared), id);
            if (current.derived() || merged.sourceKind() == SourceKind.DERIVED) {
                derivedKeepsNoValues(connection, id, merged);
            }
            store.update(connection, id, merged, clock.instant());
            return store.indicator(connection, id).orElseThrow();
        });
    }

    /**
     * Sets one year's value by hand ({@code value} null: known to be missing). A hand-entered
     * value is never overwritten by a Kolada fetch.
     */
    public IndicatorValue putValue(long id, int year, BigDecimal value, String note, String actor) {
        return database.write(connection -> putValue(connection, id, year, value, note, ValueSource.MANUAL, actor));
    }

    /** As {@link #putValue}, in the caller's transaction and with the given source (an import: {@code FILE}). */
    public IndicatorValue putValue(Connection connection, long id, int year, BigDecimal value, String note,
            ValueSource source, String actor) throws SQLException {
        var indicator = store.indicator(connection, id).orElseThrow(() -> notFound(id));
        var errors = new Errors();
        if (indicator.derived()) {
            errors.add("value", "värdena för '" + indicator.name() + "' räknas fram från indikator "
                    + indicator.derivedFrom() + "; ange värdet där");
        }
        if (year < IndicatorRules.FIRST_YEAR || year > IndicatorRules.LAST_YEAR) {
            errors.add("year", "året " + year + " ligger utanför " + IndicatorRules.FIRST_YEAR + "–"
                    + IndicatorRules.LAST_YEAR);
        }
        IndicatorInput.digits(errors, "value", value);
        InputText.text(errors, "note", "anteckningen", note, InputText.NOTE_MAX);
        errors.throwIfAny();
        var current = store.value(connection, id, year);
        String kept = note != null ? note : current.map(IndicatorValue::note).orElse("");
        if (current.isPresent() && same(current.get().value(), value) && current.get().note().equals(kept)
                && current.get().source() == source) {
            return current.get();
        }
        var saved = new IndicatorValue(year, value, source, clock.instant(), kept);
        store.saveValue(connection, id, saved, actor);
        store.clearDifference(connection, id, year);
        return saved;
    }

    /** Changes only the note of a year that has a value (the console's "add a note"). */
    public IndicatorValue noteValue(long id, int year, String note, String actor) {
        return database.write(connection -> {
            store.indicator(connection, id).orElseThrow(() -> notFound(id));
            var current = store.value(connection, id, year).orElseThrow(() ->
                    new InvalidInput("year", "året " + year + " har inget värde att skriva en anteckning till"));
            var errors = new Errors();
            InputText.text(errors, "note", "anteckningen", note, InputText.NOTE_MAX);
            errors.throwIfAny();
            var saved = new IndicatorValue(year, current.value(), current.source(), current.fetchedAt(),
                    note == null ? "" : note);
            store.saveValue(connection, id, saved, actor);
            return saved;
        });
    }

    /**
     * What a Kolada fetch does with one year's figure, in the caller's transaction: a new year or a
     * changed Kolada value is saved; a value someone entered (by hand or from a file) is kept and a
     * different Kolada figure is recorded as a {@link KoladaDifference}.
     */
    FetchOutcome applyFetched(Connection connection, Indicator indicator, int year, BigDecimal value, Instant now)
            throws SQLException {
        var current = store.value(connection, indicator.id(), year);
        if (current.isPresent() && current.get().source() != ValueSource.KOLADA) {
            if (same(current.get().value(), value) || value == null) {
                store.clearDifference(connection, indicator.id(), year);
                return FetchOutcome.SAME;
            }
            store.saveDifference(connection, indicator.id(), year, value, now);
            return FetchOutcome.KEPT_ENTERED;
        }
        if (current.isPresent() && (same(current.get().value(), value) || value == null)) {
            // Kolada withdrawing a figure it once had is no reason to forget it.
            return FetchOutcome.SAME;
        }
        String note = current.map(IndicatorValue::note).orElse("");
        store.saveValue(connection, indicator.id(), new IndicatorValue(year, value, ValueSource.KOLADA, now, note),
                "kolada");
        return current.isEmpty() ? FetchOutcome.NEW : FetchOutcome.CHANGED;
    }

    enum FetchOutcome { NEW, CHANGED, SAME, KEPT_ENTERED }

    Database database() {
        return database;
    }

    Clock clock() {
        return clock;
    }

    IndicatorStore store() {
        return store;
    }

    private static List<IndicatorValue> derive(Indicator derived, List<IndicatorValue> from) {
        BigDecimal base = from.stream().filter(v -> v.year() == derived.baselineYear() && !v.missing())
                .map(IndicatorValue::value).findFirst().orElse(null);
        if (base == null) {
            return List.of();
        }
        var values = new ArrayList<IndicatorValue>();
        for (var value : from) {
            if (value.year() >= derived.baselineYear()) {
                values.add(new IndicatorValue(value.year(), value.missing() ? null : value.value().subtract(base),
                        value.source(), value.fetchedAt(), value.note()));
            }
        }
        return values;
    }

    private void derivedKeepsNoValues(Connection connection, long id, IndicatorDraft merged) throws SQLException {
        if (merged.sourceKind() == SourceKind.DERIVED && !store.values(connection, id).isEmpty()) {
            throw new InvalidInput("source", "indikatorn har egna värden och kan inte bli framräknad");
        }
    }

    static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static NotFound notFound(long id) {
        return new NotFound("Indikator " + id + " finns inte");
    }
}
