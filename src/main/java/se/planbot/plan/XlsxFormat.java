package se.planbot.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import se.planbot.problem.InvalidInput;

/** XLSX in and out: the first sheet, headings in row 1; date cells become ISO dates. */
final class XlsxFormat {

    private XlsxFormat() {
    }

    static se.planbot.plan.Sheet read(InputStream in) {
        return read(in, false);
    }

    /** {@code plainNumbers}: a number cell as its plain value (3700, 4.1), never as Excel shows it ("3,700"). */
    static se.planbot.plan.Sheet read(InputStream in, boolean plainNumbers) {
        try (Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            var formatter = new DataFormatter();
            List<String> headings = null;
            var rows = new ArrayList<se.planbot.plan.Sheet.Row>();
            for (Row row : sheet) {
                if (headings == null) {
                    headings = new ArrayList<>();
                    for (int i = 0; i < row.getLastCellNum(); i++) {
                        Cell cell = row.getCell(i);
                        headings.add(cell == null ? "" : formatter.formatCellValue(cell).trim());
                    }
                    continue;
                }
                var cells = new LinkedHashMap<String, String>();
                boolean any = false;
                for (int i = 0; i < headings.size(); i++) {
                    String value = text(row.getCell(i), formatter, plainNumbers);
                    any |= !value.isBlank();
                    cells.put(headings.get(i), value);
                }
                if (any) {
                    rows.add(new se.planbot.plan.Sheet.Row(row.getRowNum() + 1, cells));
                }
            }
            if (headings == null) {
                throw new InvalidInput("fil", "arket är tomt; rad 1 ska vara rubriker (Kod, Åtgärd, Strategi, ...)");
            }
            return new se.planbot.plan.Sheet(headings, rows);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInput invalid) {
                throw invalid;
            }
            // POI's own message is English library text; the person uploading needs what to do.
            throw new InvalidInput("fil", "filen kan inte läsas som en Excel-arbetsbok (.xlsx); "
                    + "spara den i Excel som .xlsx eller som \"CSV UTF-8\"");
        }
    }

    private static String text(Cell cell, DataFormatter formatter, boolean plainNumbers) {
        if (cell == null) {
            return "";
        }
        if (plainNumbers && cell.getCellType() == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)) {
            return java.math.BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            LocalDateTime value = cell.getLocalDateTimeCellValue();
            return value == null ? "" : value.toLocalDate().toString();
        }
        // As Excel shows it: a code typed as 2.10 stays "2.10", a progress of 40 is "40".
        return formatter.formatCellValue(cell);
    }

    /**
     * Writes one sheet: date columns as date cells, number columns as number cells (so a
     * coordinator can sum and sort them), headings bold, frozen and with an autofilter.
     */
    static void write(OutputStream out, List<String> headings, List<List<String>> rows, List<Integer> dateColumns,
            List<Integer> numberColumns) throws IOException {
        try (var workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Åtgärdsplan");
            var bold = workbook.createFont();
            bold.setBold(true);
            var headingStyle = workbook.createCellStyle();
            headingStyle.setFont(bold);
            var dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Row headingRow = sheet.createRow(0);
            for (int i = 0; i < headings.size(); i++) {
                Cell cell = headingRow.createCell(i);
                cell.setCellValue(headings.get(i));
                cell.setCellStyle(headingStyle);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> values = rows.get(r);
                for (int i = 0; i < values.size(); i++) {
                    String value = values.get(i);
                    if (value == null || value.isEmpty()) {
                        continue;
                    }
                    Cell cell = row.createCell(i);
                    if (dateColumns.contains(i)) {
                        cell.setCellValue(LocalDate.parse(value));
                        cell.setCellStyle(dateStyle);
                    } else if (numberColumns.contains(i)) {
                        cell.setCellValue(Integer.parseInt(value));
                    } else {
                        cell.setCellValue(value);
                    }
                }
            }
            for (int i = 0; i < headings.size(); i++) {
                sheet.setColumnWidth(i, (i == 1 ? 50 : 16) * 256);
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, rows.size(), 0, headings.size() - 1));
            workbook.write(out);
        }
    }
}
