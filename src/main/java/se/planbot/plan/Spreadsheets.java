package se.planbot.plan;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plan import's reading of a CSV (; or ,) or XLSX file, for other features' uploads (proposals
 * after a workshop): each row as heading → cell, with the row number a person sees in Excel under
 * {@link #ROW}. Unreadable files are an {@link se.planbot.problem.InvalidInput} on field {@code fil}.
 */
public final class Spreadsheets {

    /** The key holding the row number in each row's map. */
    public static final String ROW = "#row";

    private Spreadsheets() {
    }

    public static List<Map<String, String>> read(byte[] bytes, String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        Sheet sheet = name.endsWith(".xlsx") ? XlsxFormat.read(new ByteArrayInputStream(bytes))
                : CsvFormat.read(new String(bytes, StandardCharsets.UTF_8));
        return sheet.rows().stream().map(row -> {
            var cells = new LinkedHashMap<String, String>();
            row.cells().forEach((heading, value) -> cells.put(heading.toLowerCase(Locale.ROOT).strip(),
                    value == null ? "" : value.strip()));
            cells.put(ROW, String.valueOf(row.number()));
            return (Map<String, String>) cells;
        }).toList();
    }
}
