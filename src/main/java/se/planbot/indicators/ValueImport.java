package se.planbot.indicators;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.planbot.plan.ImportFailed;
import se.planbot.plan.Sheet;
import se.planbot.plan.Sheets;
import se.planbot.problem.Errors;
import se.planbot.problem.InputText;

/**
 * Indicator values from a sheet (CSV or XLSX, headings {@code Indikator;År;Värde;Anteckning}),
 * with the plan import's rules: every row is checked, every bad row is listed by its number, and
 * only when none is bad are all rows written, in one transaction. {@code Indikator} is the
 * indicator's id or its name; an empty {@code Värde} leaves the year as it is, {@code saknas}
 * records it as missing. Importing the same sheet twice changes nothing the second time.
 */
public final class ValueImport {

    public static final List<String> HEADINGS = List.of("Indikator", "År", "Värde", "Anteckning");
    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    /** How many years were new, changed or already so. */
    public record Result(int created, int updated, int unchanged) {
        public String summary() {
            return created + " nya, " + updated + " ändrade, " + unchanged + " oförändrade värden";
        }
    }

    private record ParsedRow(int number, Indicator indicator, int year, BigDecimal value, String note) {
    }

    private final IndicatorService indicators;

    public ValueImport(IndicatorService indicators) {
        this.indicators = indicators;
    }

    /** Reads and imports {@code bytes} (.xlsx or UTF-8 CSV); {@link ImportFailed} lists every bad row. */
    public Result importBytes(byte[] bytes, String actor) {
        Sheet sheet = Sheets.read(bytes);
        var columns = columns(sheet.headings());
        return indicators.database().write(connection -> {
            var byId = new LinkedHashMap<Long, Indicator>();
            var byName = new HashMap<String, List<Indicator>>();
            for (Indicator indicator : indicators.list(connection)) {
                byId.put(indicator.id(), indicator);
                byName.computeIfAbsent(fold(indicator.name()), name -> new ArrayList<>()).add(indicator);
            }
            var problems = new ArrayList<String>();
            var rows = new ArrayList<ParsedRow>();
            var seen = new HashMap<String, Integer>();
            for (Sheet.Row row : sheet.rows()) {
                var parsed = parse(row, columns, byId, byName, problems);
                if (parsed.isPresent()) {
                    String key = parsed.get().indicator().id() + "/" + parsed.get().year();
                    Integer earlier = seen.putIfAbsent(key, row.number());
                    if (earlier != null) {
                        problems.add("rad " + row.number() + ": " + parsed.get().indicator().name() + " "
                                + parsed.get().year() + " finns redan på rad " + earlier);
                    } else {
                        rows.add(parsed.get());
                    }
                }
            }
            if (rows.isEmpty() && problems.isEmpty()) {
                problems.add("filen har inga värden (bara rubrikraden)");
            }
            if (!problems.isEmpty()) {
                throw new ImportFailed(problems);
            }
            return write(connection, rows, actor);
        });
    }

    private Result write(Connection connection, List<ParsedRow> rows, String actor) throws SQLException {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (ParsedRow row : rows) {
            var before = indicators.store().value(connection, row.indicator().id(), row.year());
            var after = indicators.putValue(connection, row.indicator().id(), row.year(), row.value(), row.note(),
                    ValueSource.FILE, actor);
            if (before.isEmpty()) {
                created++;
            } else if (before.get().equals(after)) {
                unchanged++;
            } else {
                updated++;
            }
        }
        return new Result(created, updated, unchanged);
    }

    private static Map<String, String> columns(List<String> headings) {
        var columns = new LinkedHashMap<String, String>();
        var problems = new ArrayList<String>();
        for (String heading : headings) {
            if (heading.isBlank()) {
                continue;
            }
            var known = HEADINGS.stream().filter(name -> fold(name).equals(fold(heading))).findFirst();
            if (known.isEmpty()) {
                problems.add("rubriken '" + heading + "' är okänd; använd " + String.join(";", HEADINGS));
            } else if (columns.putIfAbsent(known.get(), heading) != null) {
                problems.add("rubriken '" + heading + "' finns två gånger");
            }
        }
        for (String required : HEADINGS.subList(0, 3)) {
            if (!columns.containsKey(required)) {
                problems.add("kolumnen '" + required + "' saknas; första raden ska vara " + String.join(";", HEADINGS));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportFailed(problems);
        }
        return columns;
    }

    private static Optional<ParsedRow> parse(Sheet.Row row, Map<String, String> columns, Map<Long, Indicator> byId,
            Map<String, List<Indicator>> byName, List<String> problems) {
        String where = "rad " + row.number() + ": ";
        var errors = new Errors();
        String named = row.get(columns.get("Indikator"));
        Indicator indicator = null;
        if (named.isEmpty()) {
            problems.add(where + "Indikator saknas (indikatorns id eller namn)");
        } else if (named.matches("\\d{1,9}")) {
            indicator = byId.get(Long.parseLong(named));
            if (indicator == null) {
                problems.add(where + "indikator " + named + " finns inte");
            }
        } else {
            var matches = byName.getOrDefault(fold(named), List.of());
            if (matches.size() == 1) {
                indicator = matches.get(0);
            } else {
                problems.add(where + (matches.isEmpty() ? "det finns ingen indikator som heter '" + named + "'"
                        : "flera indikatorer heter '" + named + "'; ange id i stället"));
            }
        }
        if (indicator != null && indicator.derived()) {
            problems.add(where + "värdena för '" + indicator.name() + "' räknas fram från indikator "
                    + indicator.derivedFrom() + "; importera värdena dit");
            indicator = null;
        }
        Integer year = IndicatorInput.year(errors, "År", row.get(columns.get("År")));
        String valueText = row.get(columns.get("Värde"));
        BigDecimal value = valueText.isEmpty() || isMissing(valueText) ? null
                : IndicatorInput.number(errors, "Värde", valueText);
        String note = columns.containsKey("Anteckning") ? row.get(columns.get("Anteckning")) : null;
        InputText.text(errors, "Anteckning", "anteckningen", note, InputText.NOTE_MAX);
        errors.all().forEach(error -> problems.add(where + error.field() + ": " + error.message()));
        // An empty Värde leaves the year as it is (a sheet with gaps must not erase figures).
        if (indicator == null || year == null || !errors.isEmpty() || valueText.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ParsedRow(row.number(), indicator, year, value, note));
    }

    private static boolean isMissing(String text) {
        String folded = fold(text);
        return folded.equals("saknas") || folded.equals("-") || folded.equals("–") || folded.equals("..");
    }

    private static String fold(String text) {
        return text.trim().toLowerCase(SWEDISH);
    }
}
