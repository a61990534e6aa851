package se.planbot.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import se.planbot.indicators.Figures;
import se.planbot.indicators.Indicator;
import se.planbot.indicators.IndicatorService;
import se.planbot.indicators.IndicatorValue;
import se.planbot.indicators.Trend;
import se.planbot.plan.SearchText;

/**
 * {@code /plan indikatorer}: each indicator's latest value, target and trend on one line;
 * {@code /plan indikator 3} (or a name) one indicator in full, with its values by year and a link
 * to its public page. Planbot wires the indicators feature in ({@link #from}); {@link #none()} has none.
 */
public final class IndicatorAnswers {

    private final Optional<IndicatorService> indicators;
    private final String baseUrl;

    private IndicatorAnswers(Optional<IndicatorService> indicators, String baseUrl) {
        this.indicators = indicators;
        this.baseUrl = baseUrl;
    }

    public static IndicatorAnswers from(IndicatorService indicators, String baseUrl) {
        return new IndicatorAnswers(Optional.of(indicators), baseUrl);
    }

    static IndicatorAnswers none() {
        return new IndicatorAnswers(Optional.empty(), "");
    }

    Answer list(String query, Texts texts) {
        var all = indicators.map(IndicatorService::list).orElse(List.of());
        if (all.isEmpty()) {
            return new Answer.Notice(query, texts.get("indicators.none"));
        }
        var lines = new ArrayList<String>();
        for (Indicator indicator : all) {
            lines.add(line(indicator, indicators.get().values(indicator.id())));
        }
        return new Answer.Lines(query, texts.get("indicators.title"), lines, baseUrl + "/indicators");
    }

    Answer detail(String query, String asked, String command, Texts texts) {
        var found = find(asked);
        if (found.isEmpty()) {
            return new Answer.Notice(query, texts.get("indicator.not-found", asked, command));
        }
        Indicator indicator = found.get();
        List<IndicatorValue> values = indicators.get().values(indicator.id());
        var trend = Trend.of(indicator, values);
        var lines = new ArrayList<String>();
        if (!indicator.description().isBlank()) {
            lines.add(indicator.description());
        }
        lines.add("Senaste värde: " + trend.latest().map(v -> Figures.withUnit(v.value(), indicator.unit())
                + " (" + v.year() + ")").orElse("inga värden än"));
        if (indicator.baselineValue() != null) {
            lines.add("Utgångsläge: " + Figures.withUnit(indicator.baselineValue(), indicator.unit()) + " ("
                    + indicator.baselineYear() + ")");
        }
        if (indicator.targetValue() != null) {
            lines.add("Mål: " + Figures.withUnit(indicator.targetValue(), indicator.unit()) + " ("
                    + indicator.targetYear() + ")");
        }
        lines.add("Utveckling: " + trend.arrow() + " " + trend.words() + "; " + indicator.direction().swedish());
        if (indicator.fromKolada()) {
            lines.add("Källa: Kolada (" + indicator.koladaKpi() + ")");
        }
        if (!values.isEmpty()) {
            lines.add("Värden: " + String.join(" · ", values.stream()
                    .map(v -> v.year() + ": " + (v.missing() ? "saknas" : Figures.format(v.value()))).toList()));
        }
        values.stream().filter(v -> !v.note().isBlank()).forEach(v -> lines.add("Anteckning " + v.year() + ": " + v.note()));
        return new Answer.Lines(query, indicator.id() + ". " + indicator.name(), lines,
                baseUrl + "/indicators/" + indicator.id());
    }

    /** "3. Nystartade företag: 4,2 per 1 000 inv. (2023) · mål 6 (2035) · ↓ minskade med 0,2 från 2022 till 2023 (sämre)". */
    static String line(Indicator indicator, List<IndicatorValue> values) {
        var trend = Trend.of(indicator, values);
        var line = new StringBuilder().append(indicator.id()).append(". ").append(indicator.name()).append(": ")
                .append(trend.latest().map(v -> Figures.withUnit(v.value(), indicator.unit()) + " (" + v.year() + ")")
                        .orElse("inga värden än"));
        if (indicator.targetValue() != null) {
            line.append(" · mål ").append(Figures.withUnit(indicator.targetValue(), indicator.unit())).append(" (")
                    .append(indicator.targetYear()).append(')');
        }
        return line.append(" · ").append(trend.arrow()).append(' ').append(trend.words()).toString();
    }

    /** By id ("3") or by a part of the name, case and accents ignored ("nystartade"). */
    private Optional<Indicator> find(String asked) {
        if (indicators.isEmpty() || asked.isBlank()) {
            return Optional.empty();
        }
        String text = asked.strip();
        if (text.matches("\\d{1,9}")) {
            return indicators.get().find(Long.parseLong(text));
        }
        String folded = SearchText.fold(text).toLowerCase(Locale.ROOT);
        var matches = indicators.get().list().stream()
                .filter(indicator -> SearchText.fold(indicator.name()).toLowerCase(Locale.ROOT).contains(folded)).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }
}
