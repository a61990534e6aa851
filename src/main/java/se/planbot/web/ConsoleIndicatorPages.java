package se.planbot.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import se.planbot.indicators.Figures;
import se.planbot.indicators.Indicator;
import se.planbot.indicators.IndicatorInput;
import se.planbot.indicators.IndicatorService;
import se.planbot.indicators.IndicatorValue;
import se.planbot.indicators.KoladaDifference;
import se.planbot.indicators.Trend;
import se.planbot.problem.Errors;
import se.planbot.problem.InvalidInput;

/**
 * The coordinator's indicator values in the console: every indicator, and per indicator a table of
 * its years with a form to enter or change one year's value and its note. A value entered here is
 * the municipality's own and is never overwritten by a Kolada fetch; a Kolada figure that differs
 * is shown beside it, with a link that fills the form with Kolada's figure.
 *
 * <pre>
 * curl -s -b planbot_session=SECRET localhost:7070/admin/indicators
 * curl -s -b planbot_session=SECRET 'localhost:7070/admin/indicators/7?year=2024'
 * </pre>
 */
public final class ConsoleIndicatorPages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final IndicatorService indicators;
    private final Pages pages;
    private final ZoneId zone;

    ConsoleIndicatorPages(IndicatorService indicators, Pages pages, ZoneId zone) {
        this.indicators = indicators;
        this.pages = pages;
        this.zone = zone;
    }

    /** GET /admin/indicators */
    public void list(Context ctx) {
        var model = model(ctx);
        var differences = indicators.differences();
        model.put("indicators", indicators.list().stream().map(indicator -> {
            var values = indicators.values(indicator.id());
            var trend = Trend.of(indicator, values);
            var row = new LinkedHashMap<String, Object>();
            row.put("id", indicator.id());
            row.put("name", indicator.name());
            row.put("source", indicator.sourceKind().code());
            row.put("latest", trend.latest().map(v -> Figures.withUnit(v.value(), indicator.unit()) + " (" + v.year() + ")")
                    .orElse("–"));
            row.put("differences", differences.stream().filter(d -> d.indicatorId() == indicator.id()).count());
            return row;
        }).toList());
        pages.show(ctx, 200, "console/indicators", model);
    }

    /** GET /admin/indicators/{id}[?year=2024]: the table, and the form filled for that year. */
    public void show(Context ctx) {
        withIndicator(ctx, indicator -> {
            var model = model(ctx);
            var form = new LinkedHashMap<String, String>();
            String year = text(ctx.queryParam("year"));
            form.put("year", year);
            var current = indicators.values(indicator.id()).stream()
                    .filter(value -> String.valueOf(value.year()).equals(year)).findFirst();
            form.put("value", text(ctx.queryParam("value")).isEmpty() ? current.map(ConsoleIndicatorPages::typed).orElse("")
                    : text(ctx.queryParam("value")));
            form.put("note", current.map(IndicatorValue::note).orElse(""));
            model.put("form", form);
            String saved = text(ctx.queryParam("saved"));
            model.put("saved", saved.matches("\\d{4}") ? saved : "");
            page(ctx, 200, model, indicator);
        });
    }

    /** POST /admin/indicators/{id}/values: one year's value ("saknas" for a missing year) and note. */
    public void saveValue(Context ctx) {
        withIndicator(ctx, indicator -> {
            var model = model(ctx);
            try {
                var errors = new Errors();
                Integer year = IndicatorInput.year(errors, "year", text(ctx.formParam("year")));
                String valueText = text(ctx.formParam("value"));
                BigDecimal value = null;
                if (valueText.isEmpty()) {
                    errors.add("value", "ange ett värde, eller skriv saknas för ett år utan värde");
                } else if (!valueText.equalsIgnoreCase("saknas")) {
                    value = IndicatorInput.number(errors, "value", valueText);
                }
                errors.throwIfAny();
                indicators.putValue(indicator.id(), year, value, text(ctx.formParam("note")),
                        AccessGuard.person(ctx).name() + " (konsol)");
                ctx.redirect("/admin/indicators/" + indicator.id() + "?saved=" + year + amp(ctx), HttpStatus.SEE_OTHER);
            } catch (InvalidInput invalid) {
                Pages.addErrors(model, invalid.errors());
                model.put("form", Map.of("year", text(ctx.formParam("year")), "value", text(ctx.formParam("value")),
                        "note", text(ctx.formParam("note"))));
                model.put("saved", "");
                page(ctx, 400, model, indicator);
            }
        });
    }

    private void page(Context ctx, int status, Map<String, Object> model, Indicator indicator) {
        var values = indicators.values(indicator.id());
        var differences = indicators.differences().stream().filter(d -> d.indicatorId() == indicator.id()).toList();
        model.put("indicator", indicator);
        model.put("derivedFrom", Optional.ofNullable(indicator.derivedFrom()).flatMap(indicators::find).orElse(null));
        model.put("target", indicator.targetValue() == null ? ""
                : Figures.withUnit(indicator.targetValue(), indicator.unit()) + " (" + indicator.targetYear() + ")");
        model.put("values", values.stream().map(value -> {
            var row = new LinkedHashMap<String, Object>();
            row.put("year", value.year());
            row.put("value", value.missing() ? "saknas" : Figures.format(value.value()));
            row.put("source", value.source().swedish());
            row.put("fetched", DAY.format(value.fetchedAt().atZone(zone)));
            row.put("note", value.note());
            differences.stream().filter(d -> d.year() == value.year()).findFirst().ifPresent(difference -> {
                row.put("kolada", Figures.format(difference.koladaValue()));
                row.put("koladaTyped", typed(difference));
            });
            return row;
        }).toList());
        pages.show(ctx, status, "console/indicator", model);
    }

    /** A value as the form takes it back: "4,1", "44100", "saknas". */
    private static String typed(IndicatorValue value) {
        return value.missing() ? "saknas" : value.value().stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static String typed(KoladaDifference difference) {
        return difference.koladaValue() == null ? "saknas"
                : difference.koladaValue().stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private void withIndicator(Context ctx, java.util.function.Consumer<Indicator> then) {
        String id = ctx.pathParam("id");
        Optional<Indicator> indicator = id.matches("\\d{1,12}") ? indicators.find(Long.parseLong(id)) : Optional.empty();
        if (indicator.isEmpty()) {
            pages.show(ctx, 404, "console/not-found", model(ctx));
            return;
        }
        then.accept(indicator.get());
    }

    private Map<String, Object> model(Context ctx) {
        var model = pages.model(ctx);
        model.put("me", AccessGuard.person(ctx));
        model.put("section", "indicators");
        return model;
    }

    private String amp(Context ctx) {
        return "en".equals(pages.locale(ctx).getLanguage()) ? "&locale=en" : "";
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
