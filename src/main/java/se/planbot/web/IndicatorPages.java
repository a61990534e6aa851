package se.planbot.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import se.planbot.indicators.Figures;
import se.planbot.indicators.Indicator;
import se.planbot.indicators.IndicatorChart;
import se.planbot.indicators.IndicatorService;
import se.planbot.indicators.IndicatorValue;
import se.planbot.indicators.SourceKind;
import se.planbot.indicators.Trend;
import se.planbot.indicators.ValueSource;

/**
 * The public indicator pages: every indicator as a server-drawn SVG chart with the same numbers in
 * a table, its source ("Källa: Kolada" where it applies) and notes, one indicator's page, its values
 * as CSV, and the headline goal on the front page.
 *
 * <pre>
 * curl -s localhost:7070/indicators
 * curl -s localhost:7070/indicators/2
 * curl -s localhost:7070/indicators/2/varden.csv
 * </pre>
 */
public final class IndicatorPages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final IndicatorService indicators;
    private final Pages pages;
    private final ZoneId zone;

    IndicatorPages(IndicatorService indicators, Pages pages, ZoneId zone) {
        this.indicators = indicators;
        this.pages = pages;
        this.zone = zone;
    }

    public void list(Context ctx) {
        var model = pages.model(ctx);
        var all = indicators.list();
        var views = new ArrayList<Map<String, Object>>();
        for (Indicator indicator : all) {
            views.add(view(indicator, indicators.values(indicator.id()), all));
        }
        model.put("indicators", views);
        pages.show(ctx, 200, "indicators", model);
    }

    public void show(Context ctx) {
        var found = pathId(ctx).flatMap(indicators::find);
        if (found.isEmpty()) {
            pages.notFound(ctx);
            return;
        }
        var indicator = found.get();
        var model = pages.model(ctx);
        model.put("indicator", view(indicator, indicators.values(indicator.id()), indicators.list()));
        pages.show(ctx, 200, "indicator", model);
    }

    /** The values as CSV for Excel in Sweden: UTF-8 with BOM, {@code ;}, decimal comma. */
    public void csv(Context ctx) throws IOException {
        var found = pathId(ctx).flatMap(indicators::find);
        if (found.isEmpty()) {
            pages.notFound(ctx);
            return;
        }
        var indicator = found.get();
        var out = new StringWriter();
        out.write('\uFEFF');
        var printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").get());
        printer.printRecord("Indikator", "År", "Värde", "Enhet", "Källa", "Hämtad", "Anteckning");
        for (IndicatorValue value : indicators.values(indicator.id())) {
            printer.printRecord(indicator.name(), value.year(),
                    value.missing() ? "" : value.value().stripTrailingZeros().toPlainString().replace('.', ','),
                    indicator.unit(), value.source().swedish(), DAY.format(value.fetchedAt().atZone(zone)), value.note());
        }
        printer.flush();
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"indikator-" + indicator.id() + ".csv\"")
                .result(out.toString());
    }

    /** The front page's headline: the goal's indicator, its latest value against the target. */
    Optional<Map<String, Object>> headline(String programGoal) {
        return indicators.headline(programGoal).flatMap(indicator -> {
            var trend = Trend.of(indicator, indicators.values(indicator.id()));
            if (trend.latest().isEmpty()) {
                return Optional.empty();
            }
            var latest = trend.latest().get();
            var view = new LinkedHashMap<String, Object>();
            view.put("id", indicator.id());
            view.put("name", indicator.name());
            view.put("value", Figures.format(latest.value()));
            view.put("year", latest.year());
            view.put("target", Figures.format(indicator.targetValue()));
            view.put("targetYear", indicator.targetYear());
            view.put("unit", indicator.unit());
            int percent = indicator.targetValue().signum() <= 0 ? 0 : latest.value().multiply(java.math.BigDecimal.valueOf(100))
                    .divide(indicator.targetValue(), 0, java.math.RoundingMode.DOWN).max(java.math.BigDecimal.ZERO)
                    .min(java.math.BigDecimal.valueOf(100)).intValue();
            view.put("percent", percent);
            return Optional.of(view);
        });
    }

    private Map<String, Object> view(Indicator indicator, List<IndicatorValue> values, List<Indicator> all) {
        var view = new LinkedHashMap<String, Object>();
        var trend = Trend.of(indicator, values);
        view.put("id", indicator.id());
        view.put("name", indicator.name());
        view.put("description", indicator.description());
        view.put("goal", indicator.goal());
        view.put("unit", indicator.unit());
        view.put("direction", indicator.direction().swedish());
        view.put("baseline", indicator.baselineValue() == null ? ""
                : Figures.withUnit(indicator.baselineValue(), indicator.unit()) + " (" + indicator.baselineYear() + ")");
        view.put("target", indicator.targetValue() == null ? ""
                : Figures.withUnit(indicator.targetValue(), indicator.unit()) + " (" + indicator.targetYear() + ")");
        view.put("latest", trend.latest().map(v -> Figures.withUnit(v.value(), indicator.unit()) + " (" + v.year() + ")")
                .orElse(""));
        view.put("trend", trend.words());
        view.put("chart", IndicatorChart.svg("chart-" + indicator.id(), indicator, values));
        view.put("chartTitle", IndicatorChart.title(indicator, values));
        view.put("source", source(indicator, values, all));
        var rows = new ArrayList<Map<String, Object>>();
        for (IndicatorValue value : values) {
            var row = new LinkedHashMap<String, Object>();
            row.put("year", value.year());
            row.put("value", value.missing() ? "saknas" : Figures.format(value.value()));
            row.put("source", value.source().swedish());
            row.put("fetched", DAY.format(value.fetchedAt().atZone(zone)));
            row.put("note", value.note());
            rows.add(row);
        }
        view.put("values", rows);
        view.put("notes", values.stream().filter(v -> !v.note().isBlank()).map(v -> v.year() + ": " + v.note()).toList());
        return view;
    }

    /** "Källa: Kolada (nyckeltal N00999)" where Kolada is the source, else what the municipality's figures are. */
    private static String source(Indicator indicator, List<IndicatorValue> values, List<Indicator> all) {
        boolean kolada = values.stream().anyMatch(v -> v.source() == ValueSource.KOLADA);
        var text = new StringBuilder();
        if (indicator.sourceKind() == SourceKind.DERIVED) {
            String from = all.stream().filter(other -> other.id() == indicator.derivedFrom()).map(Indicator::name)
                    .findFirst().orElse("indikator " + indicator.derivedFrom());
            text.append("Räknas fram från ").append(from).append(": värdet minus värdet år ")
                    .append(indicator.baselineYear()).append(". ");
        }
        if (indicator.fromKolada() || kolada) {
            text.append("Källa: Kolada").append(indicator.koladaKpi() == null ? "" : " (nyckeltal " + indicator.koladaKpi() + ")");
            if (values.stream().anyMatch(v -> v.source() != ValueSource.KOLADA)) {
                text.append("; år markerade inmatat eller fil är kommunens egna uppgifter");
            }
            text.append('.');
        } else {
            text.append("Källa: kommunens egna uppgifter.");
        }
        return text.toString();
    }

    private static Optional<Long> pathId(Context ctx) {
        String text = ctx.pathParam("id");
        return text.matches("\\d{1,18}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }
}
