package se.planbot.indicators;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code planbot indicators fetch} and the yearly scheduled fetch: reads every Kolada-backed
 * indicator (for its own municipality, else {@code kolada.municipality}) and saves what is new in
 * one transaction, only after every request has succeeded; when one fails nothing is changed.
 * A value entered by hand or from a file is never overwritten: a different Kolada figure is kept
 * beside it as a {@link KoladaDifference} and reported.
 */
public final class KoladaFetch {

    private static final Logger log = LoggerFactory.getLogger(KoladaFetch.class);

    private final IndicatorService indicators;
    private final KoladaSettings settings;
    private final KoladaClient client;

    public KoladaFetch(IndicatorService indicators, KoladaSettings settings) {
        this.indicators = indicators;
        this.settings = settings;
        this.client = new KoladaClient(settings);
    }

    public boolean enabled() {
        return settings.enabled();
    }

    public KoladaSettings settings() {
        return settings;
    }

    /** Fetches and saves; {@link KoladaUnavailable} (nothing changed) when Kolada cannot be read. */
    public FetchReport run() {
        if (!settings.enabled()) {
            return FetchReport.off();
        }
        var byMunicipality = new LinkedHashMap<String, List<Indicator>>();
        for (Indicator indicator : indicators.list()) {
            if (indicator.fromKolada()) {
                String municipality = indicator.koladaMunicipality() != null ? indicator.koladaMunicipality()
                        : settings.municipality().orElseThrow();
                byMunicipality.computeIfAbsent(municipality, m -> new ArrayList<>()).add(indicator);
            }
        }
        var rows = new ArrayList<KoladaClient.Row>();
        byMunicipality.forEach((municipality, group) -> {
            var kpis = group.stream().map(Indicator::koladaKpi).distinct().toList();
            for (int from = 0; from < kpis.size(); from += KoladaClient.MAX_IDS) {
                rows.addAll(client.data(kpis.subList(from, Math.min(kpis.size(), from + KoladaClient.MAX_IDS)),
                        municipality));
            }
        });
        var report = save(byMunicipality, rows);
        log.info("{}", report.summary());
        return report;
    }

    private FetchReport save(Map<String, List<Indicator>> byMunicipality, List<KoladaClient.Row> rows) {
        var added = new ArrayList<FetchReport.Entry>();
        var changed = new ArrayList<FetchReport.Entry>();
        var kept = new ArrayList<FetchReport.Entry>();
        var notes = new ArrayList<String>();
        int[] unchanged = {0};
        Instant now = indicators.clock().instant();
        indicators.database().write(connection -> {
            for (var group : byMunicipality.entrySet()) {
                for (Indicator indicator : group.getValue()) {
                    var years = new java.util.TreeMap<Integer, KoladaClient.Row>();
                    rows.stream().filter(row -> row.kpi().equals(indicator.koladaKpi())
                            && row.municipality().equals(group.getKey())).forEach(row -> years.put(row.year(), row));
                    if (years.isEmpty()) {
                        notes.add("Kolada har inga värden för " + indicator.name() + " (" + indicator.koladaKpi()
                                + ", kommun " + group.getKey() + ")");
                    }
                    for (var row : years.values()) {
                        var before = indicators.store().value(connection, indicator.id(), row.year());
                        var outcome = indicators.applyFetched(connection, indicator, row.year(), row.value(), now);
                        var entry = new FetchReport.Entry(indicator.id(), indicator.name(), row.year(), row.value(),
                                before.map(IndicatorValue::value).orElse(null));
                        switch (outcome) {
                            case NEW -> added.add(entry);
                            case CHANGED -> changed.add(entry);
                            case KEPT_ENTERED -> kept.add(entry);
                            case SAME -> unchanged[0]++;
                        }
                    }
                }
            }
            return null;
        });
        return new FetchReport(true, added, changed, kept, unchanged[0], notes);
    }
}
