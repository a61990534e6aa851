package se.planbot.plan;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import se.planbot.problem.InvalidInput;

/** CSV in and out, as Excel writes it in Sweden: UTF-8 (with or without BOM), {@code ;} or {@code ,}. */
final class CsvFormat {

    private CsvFormat() {
    }

    static Sheet read(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String firstLine = content.lines().findFirst().orElse("");
        char delimiter = count(firstLine, ';') >= count(firstLine, ',') && count(firstLine, ';') > 0 ? ';' : ',';
        // Blank lines stay records, so record numbers are the row numbers Excel shows (a cell may span lines).
        var format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(false).get();
        int line = 0;
        try (CSVParser parser = CSVParser.parse(content, format)) {
            List<String> headings = null;
            var rows = new ArrayList<Sheet.Row>();
            for (CSVRecord record : parser) {
                line = (int) record.getRecordNumber();
                if (headings == null) {
                    headings = new ArrayList<>();
                    for (String heading : record) {
                        headings.add(heading.trim());
                    }
                    continue;
                }
                if (isBlank(record)) {
                    continue;
                }
                var cells = new LinkedHashMap<String, String>();
                for (int i = 0; i < record.size(); i++) {
                    if (i < headings.size()) {
                        cells.put(headings.get(i), record.get(i));
                    } else if (!record.get(i).isBlank()) {
                        throw new InvalidInput("fil", "rad " + line + ": fler kolumner än rubriker (" + record.size()
                                + " mot " + headings.size() + ")");
                    }
                }
                rows.add(new Sheet.Row(line, cells));
            }
            if (headings == null) {
                throw new InvalidInput("fil", "filen är tom; första raden ska vara rubriker (Kod;Åtgärd;Strategi;...)");
            }
            return new Sheet(headings, rows);
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new InvalidInput("fil", quoteProblem(line + 1, e));
        }
    }

    /** Commons CSV's message is English library text: say in Swedish which row and what to do. */
    private static String quoteProblem(int row, Exception e) {
        String where = "rad " + row + ": ";
        if (String.valueOf(e.getMessage()).contains("EOF reached before encapsulated token finished")) {
            return where + "ett citattecken (\") öppnar en cell som aldrig stängs; lägg till det avslutande \" "
                    + "eller ta bort det (ett \" inne i en cell skrivs \"\")";
        }
        return where + "felaktiga citattecken (\"); en cell som börjar med \" ska sluta med \" direkt före ; , "
                + "eller radslutet (ett \" inne i en cell skrivs \"\")";
    }

    static void write(Writer writer, List<String> headings, List<List<String>> rows) throws IOException {
        writer.write('\uFEFF');
        var format = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").get();
        var printer = new CSVPrinter(writer, format);
        printer.printRecord(headings);
        for (List<String> row : rows) {
            printer.printRecord(row);
        }
        printer.flush();
    }

    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static int count(String text, char c) {
        int n = 0;
        boolean quoted = false;
        for (char ch : text.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                n++;
            }
        }
        return n;
    }
}
