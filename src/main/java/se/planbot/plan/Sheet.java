package se.planbot.plan;

import java.util.List;
import java.util.Map;

/**
 * A spreadsheet read into text: each row keyed by its column heading, with the row number a
 * person sees in Excel or a text editor (the heading is row 1). Other features' imports read
 * their sheets through {@link Sheets}.
 */
public record Sheet(List<String> headings, List<Row> rows) {

    public record Row(int number, Map<String, String> cells) {
        public String get(String heading) {
            String value = cells.get(heading);
            return value == null ? "" : value.trim();
        }
    }
}
