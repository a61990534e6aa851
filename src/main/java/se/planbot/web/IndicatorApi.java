package se.planbot.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.planbot.indicators.Direction;
import se.planbot.indicators.Indicator;
import se.planbot.indicators.IndicatorDraft;
import se.planbot.indicators.IndicatorInput;
import se.planbot.indicators.IndicatorService;
import se.planbot.indicators.IndicatorValue;
import se.planbot.indicators.KoladaDifference;
import se.planbot.indicators.SourceKind;
import se.planbot.indicators.Trend;
import se.planbot.problem.NotFound;

/**
 * The indicators' JSON API (issue 12). Reads are public; writes need a coordinator token.
 *
 * <pre>
 * curl -s localhost:7070/api/v1/indicators
 * curl -s localhost:7070/api/v1/indicators/2                   # with its values by year
 * curl -s -H "Authorization: Bearer $TOKEN" -X POST localhost:7070/api/v1/indicators \
 *      -d '{"name":"Nystartade företag","unit":"per 1 000 inv.","source":"kolada","koladaKpi":"N00999"}'
 * curl -s -H "Authorization: Bearer $TOKEN" -X PATCH localhost:7070/api/v1/indicators/3 -d '{"targetYear":2035,"targetValue":6}'
 * curl -s -H "Authorization: Bearer $TOKEN" -X PUT localhost:7070/api/v1/indicators/7/values/2024 \
 *      -d '{"value":44100,"note":"Uppgift från UC"}'
 * </pre>
 */
public final class IndicatorApi {

    private static final Set<String> FIELDS = Set.of("name", "description", "unit", "direction", "goal", "strategy",
            "baselineYear", "baselineValue", "targetYear", "targetValue", "source", "koladaKpi", "koladaMunicipality",
            "derivedFrom");
    private static final Set<String> VALUE_FIELDS = Set.of("value", "note");
    private static final String DIRECTIONS = "tillåtna: higher, lower";
    private static final String SOURCES = "tillåtna: manual, kolada, file, derived";

    private final IndicatorService indicators;
    private final ObjectMapper json;

    public IndicatorApi(IndicatorService indicators, ObjectMapper json) {
        this.indicators = indicators;
        this.json = json;
    }

    public void list(Context ctx) {
        ctx.json(indicators.list().stream().map(indicator -> view(indicator, indicators.values(indicator.id())))
                .toList());
    }

    public void show(Context ctx) {
        Indicator indicator = indicators.require(pathId(ctx));
        List<IndicatorValue> values = indicators.values(indicator.id());
        var body = view(indicator, values);
        body.put("values", values.stream().map(IndicatorApi::view).toList());
        body.put("differences", indicators.differences().stream()
                .filter(difference -> difference.indicatorId() == indicator.id()).map(IndicatorApi::view).toList());
        ctx.json(body);
    }

    public void create(Context ctx) {
        var body = JsonBody.parse(json, ctx.body(), FIELDS);
        IndicatorDraft draft = draft(body);
        body.errors().throwIfAny();
        Indicator created = indicators.create(draft);
        ctx.status(201).header("Location", "/api/v1/indicators/" + created.id())
                .json(view(created, indicators.values(created.id())));
    }

    public void patch(Context ctx) {
        long id = pathId(ctx);
        indicators.require(id);
        var body = JsonBody.parse(json, ctx.body(), FIELDS);
        IndicatorDraft patch = draft(body);
        var cleared = body.nulls();
        for (String field : cleared) {
            if (!IndicatorDraft.CLEARABLE.contains(field) && FIELDS.contains(field)) {
                body.errors().add(field, "kan inte tömmas; bara " + String.join(", ",
                        IndicatorDraft.CLEARABLE.stream().sorted().toList()) + " kan sättas till null");
            }
        }
        body.errors().throwIfAny();
        Indicator patched = indicators.patch(id, patch, cleared);
        ctx.json(view(patched, indicators.values(id)));
    }

    /** One year's value; {@code "value": null} records the year as missing. */
    public void putValue(Context ctx) {
        var client = AccessGuard.client(ctx);
        long id = pathId(ctx);
        indicators.require(id);
        var body = JsonBody.parse(json, ctx.body(), VALUE_FIELDS);
        Integer year = IndicatorInput.year(body.errors(), "year", ctx.pathParam("year"));
        if (!body.has("value") && !body.nulls().contains("value")) {
            body.errors().add("value", "värdet saknas; skicka ett tal, eller null för ett år utan värde");
        }
        var value = body.decimal("value");
        String note = body.text("note");
        body.errors().throwIfAny();
        ctx.json(view(indicators.putValue(id, year, value, note, client.actor())));
    }

    static Map<String, Object> view(Indicator indicator, List<IndicatorValue> values) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", indicator.id());
        view.put("name", indicator.name());
        view.put("description", indicator.description());
        view.put("unit", indicator.unit());
        view.put("direction", indicator.direction().code());
        view.put("goal", indicator.goal());
        view.put("strategy", indicator.strategyId());
        view.put("baselineYear", indicator.baselineYear());
        view.put("baselineValue", indicator.baselineValue());
        view.put("targetYear", indicator.targetYear());
        view.put("targetValue", indicator.targetValue());
        view.put("source", indicator.sourceKind().code());
        view.put("koladaKpi", indicator.koladaKpi());
        view.put("koladaMunicipality", indicator.koladaMunicipality());
        view.put("derivedFrom", indicator.derivedFrom());
        var trend = Trend.of(indicator, values);
        view.put("latest", trend.latest().map(IndicatorApi::view).orElse(null));
        view.put("trend", trend.movement().name().toLowerCase(java.util.Locale.ROOT));
        view.put("updatedAt", indicator.updatedAt());
        return view;
    }

    static Map<String, Object> view(IndicatorValue value) {
        var view = new LinkedHashMap<String, Object>();
        view.put("year", value.year());
        view.put("value", value.value());
        view.put("source", value.source().code());
        view.put("fetchedAt", value.fetchedAt());
        view.put("note", value.note());
        return view;
    }

    private static Map<String, Object> view(KoladaDifference difference) {
        var view = new LinkedHashMap<String, Object>();
        view.put("year", difference.year());
        view.put("keptValue", difference.keptValue());
        view.put("koladaValue", difference.koladaValue());
        view.put("foundAt", difference.foundAt());
        return view;
    }

    private static IndicatorDraft draft(JsonBody body) {
        return new IndicatorDraft(
                body.text("name"),
                body.text("description"),
                body.text("unit"),
                body.word("direction", Direction::fromCode, DIRECTIONS),
                body.text("goal"),
                body.integer("strategy"),
                body.integer("baselineYear"),
                body.decimal("baselineValue"),
                body.integer("targetYear"),
                body.decimal("targetValue"),
                body.word("source", SourceKind::fromCode, SOURCES),
                body.text("koladaKpi"),
                body.text("koladaMunicipality"),
                body.number("derivedFrom"));
    }

    private static long pathId(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new NotFound("Indikator '" + text + "' finns inte (id ska vara ett nummer)");
        }
    }
}
