package se.planbot.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a Kolada fetch did: new years, changed Kolada figures, figures that differ from a value
 * entered by hand (kept), and how many were already known. {@link #lines()} is the Swedish text
 * the command prints.
 */
public record FetchReport(boolean enabled, List<Entry> added, List<Entry> changed, List<Entry> kept, int unchanged,
        List<String> notes) {

    /** One year of one indicator: Kolada's figure, and the value it replaced or that was kept. */
    public record Entry(long indicatorId, String indicator, int year, BigDecimal koladaValue, BigDecimal other) {
    }

    static FetchReport off() {
        return new FetchReport(false, List.of(), List.of(), List.of(), 0, List.of(
                "Kolada är avstängt: sätt kolada.municipality (t.ex. 1489 för Alingsås) för att hämta"));
    }

    public boolean anythingNew() {
        return !added.isEmpty() || !changed.isEmpty() || !kept.isEmpty();
    }

    public String summary() {
        if (!enabled) {
            return notes.get(0);
        }
        return "Kolada: " + added.size() + " nya, " + changed.size() + " ändrade, " + unchanged + " oförändrade värden"
                + (kept.isEmpty() ? "" : "; " + kept.size() + " skiljer sig från inmatade värden, som behölls");
    }

    public List<String> lines() {
        var lines = new ArrayList<String>();
        lines.add(summary());
        added.forEach(entry -> lines.add("  ny: " + entry.indicator() + " " + entry.year() + ": "
                + Figures.format(entry.koladaValue()) + (entry.koladaValue() == null ? " (saknas i Kolada)" : "")));
        changed.forEach(entry -> lines.add("  ändrad: " + entry.indicator() + " " + entry.year() + ": "
                + Figures.format(entry.other()) + " → " + Figures.format(entry.koladaValue())));
        kept.forEach(entry -> lines.add("  behölls: " + entry.indicator() + " " + entry.year() + ": inmatat "
                + Figures.format(entry.other()) + ", Kolada " + Figures.format(entry.koladaValue())));
        if (enabled) {
            notes.forEach(note -> lines.add("  " + note));
        }
        return lines;
    }
}
