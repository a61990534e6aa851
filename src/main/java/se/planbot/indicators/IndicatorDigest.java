package se.planbot.indicators;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.planbot.reminders.DigestSection;

/**
 * The coordinator's digest lists what Kolada brought since the previous digest (key
 * {@code indicators}): each new or changed figure, and each figure that differs from a value
 * entered by hand (which was kept), with a link to the indicator's page.
 */
public final class IndicatorDigest implements DigestSection {

    private final IndicatorStore store = new IndicatorStore();
    private final String baseUrl;

    public IndicatorDigest(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public String key() {
        return "indicators";
    }

    @Override
    public List<Map<String, Object>> items(Connection connection, ZonedDateTime since, ZonedDateTime until)
            throws SQLException {
        var names = new LinkedHashMap<Long, Indicator>();
        store.indicators(connection).forEach(indicator -> names.put(indicator.id(), indicator));
        var items = new ArrayList<Map<String, Object>>();
        for (var fetched : store.fetchedBetween(connection, since.toInstant(), until.toInstant())) {
            var indicator = names.get(fetched.indicatorId());
            var item = item(indicator, fetched.value().year());
            item.put("kind", "kolada");
            item.put("value", Figures.withUnit(fetched.value().value(), indicator.unit()));
            item.put("line", indicator.name() + " " + fetched.value().year() + ": "
                    + (fetched.value().missing() ? "saknas i Kolada" : item.get("value")));
            items.add(item);
        }
        for (var difference : store.differences(connection)) {
            if (difference.foundAt().isBefore(since.toInstant()) || !difference.foundAt().isBefore(until.toInstant())) {
                continue;
            }
            var indicator = names.get(difference.indicatorId());
            var item = item(indicator, difference.year());
            item.put("kind", "difference");
            item.put("value", Figures.withUnit(difference.keptValue(), indicator.unit()));
            item.put("koladaValue", Figures.withUnit(difference.koladaValue(), indicator.unit()));
            item.put("line", indicator.name() + " " + difference.year() + ": Kolada säger " + item.get("koladaValue")
                    + ", inmatat " + item.get("value") + " behölls");
            items.add(item);
        }
        return items;
    }

    private Map<String, Object> item(Indicator indicator, int year) {
        var item = new LinkedHashMap<String, Object>();
        item.put("id", indicator.id());
        item.put("name", indicator.name());
        item.put("year", year);
        item.put("url", baseUrl + "/indicators/" + indicator.id());
        return item;
    }
}
