package se.planbot.followup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import se.planbot.followup.ReportFigures.ActionRow;
import se.planbot.followup.ReportFigures.DialogRow;
import se.planbot.followup.ReportFigures.IndicatorRow;
import se.planbot.followup.ReportFigures.MeetingRow;
import se.planbot.followup.ReportFigures.ProposalRow;
import se.planbot.followup.ReportFigures.StrategyRow;

/**
 * The report's numbers as a workbook, one sheet per table of the report and the same numbers as
 * its PDF (numbers as number cells, so they can be summed): Indikatorer, Strategier, Genomförda,
 * Försenade, Dialoger, Förslag, Nästa år; the first sheet says which year and when the figures were taken.
 */
public final class ReportXlsx {

    private static final DateTimeFormatter TAKEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH.mm");

    private final ZoneId zone;

    ReportXlsx(ZoneId zone) {
        this.zone = zone;
    }

    public byte[] render(String programName, ReportFigures figures, boolean published) {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            var font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            var about = workbook.createSheet("Om rapporten");
            line(about, 0, bold, "Årlig uppföljning " + figures.year());
            line(about, 1, null, programName);
            line(about, 2, null, "Siffrorna hämtades " + TAKEN.format(figures.takenAt().atZone(zone))
                    + (published ? " (publicerad rapport)" : " (utkast, preliminära siffror)"));

            var indicators = sheet(workbook, "Indikatorer", bold, "Indikator", "Enhet", "Mål", "Utgångsår",
                    "Utgångsvärde", "Föregående år", "Föregående värde", "Senaste år", "Senaste värde", "Målår",
                    "Målvärde", "Bedömning", "Källa", "Not");
            int row = 1;
            for (IndicatorRow indicator : figures.indicators()) {
                values(indicators.createRow(row++), indicator.name(), indicator.unit(), indicator.goal(),
                        indicator.baselineYear(), indicator.baselineValue(), indicator.previousYear(),
                        indicator.previousValue(), indicator.latestYear(), indicator.latestValue(),
                        indicator.targetYear(), indicator.targetValue(), indicator.judgement().label(),
                        indicator.source(), indicator.note());
            }

            var strategies = sheet(workbook, "Strategier", bold, "Nr", "Strategi", "Åtgärder", "Planerade", "Pågår",
                    "Klara", "Avbrutna", "Försenade", "Andel klara (%)");
            row = 1;
            for (StrategyRow strategy : figures.strategies()) {
                strategyRow(strategies.createRow(row++), strategy, strategy.id());
            }
            strategyRow(strategies.createRow(row), figures.total(), null);

            actions(workbook, bold, "Genomförda", figures.completed());
            actions(workbook, bold, "Försenade", figures.overdue());
            var dialogs = sheet(workbook, "Dialoger", bold, "Dialog", "Datum", "Plats", "Deltagare");
            row = 1;
            for (DialogRow dialog : figures.dialogs()) {
                values(dialogs.createRow(row++), dialog.title(), dialog.start().toLocalDate().toString(), dialog.place(),
                        dialog.participants());
            }
            var proposals = sheet(workbook, "Förslag", bold, "Förslag", "Utfall", "Svar", "Blev åtgärd");
            if (!figures.proposalsRegistered()) {
                values(proposals.createRow(1), "Inga förslag registrerade");
            } else {
                row = 1;
                for (ProposalRow proposal : figures.proposals()) {
                    values(proposals.createRow(row++), proposal.title(), proposal.outcome(), proposal.answer(),
                            proposal.actionCode());
                }
            }
            actions(workbook, bold, "Nya åtgärder nästa år", figures.nextYearActions());
            var meetings = sheet(workbook, "Möten nästa år", bold, "Datum", "Möte");
            row = 1;
            for (MeetingRow meeting : figures.meetings()) {
                values(meetings.createRow(row++), meeting.date().toString(), meeting.title());
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the report could not be written as XLSX", e);
        }
    }

    private static void actions(XSSFWorkbook workbook, CellStyle bold, String name, List<ActionRow> actions) {
        var sheet = sheet(workbook, name, bold, "Kod", "Åtgärd", "Strategi", "Ansvarig", "Klart senast", "Status");
        int row = 1;
        for (ActionRow action : actions) {
            values(sheet.createRow(row++), action.code(), action.title(), action.strategyId(), action.owner(),
                    action.deadline() == null ? "" : action.deadline().toString(), action.status());
        }
    }

    private static void strategyRow(Row row, StrategyRow strategy, Integer number) {
        values(row, number, strategy.title(), strategy.total(), strategy.planned(), strategy.inProgress(),
                strategy.done(), strategy.cancelled(), strategy.overdue(), strategy.shareDone());
    }

    private static Sheet sheet(XSSFWorkbook workbook, String name, CellStyle bold, String... headings) {
        Sheet sheet = workbook.createSheet(name);
        Row row = sheet.createRow(0);
        for (int i = 0; i < headings.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(headings[i]);
            cell.setCellStyle(bold);
            sheet.setColumnWidth(i, Math.min(60, Math.max(12, headings[i].length() + 4)) * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private static void line(Sheet sheet, int index, CellStyle style, String text) {
        Cell cell = sheet.createRow(index).createCell(0);
        cell.setCellValue(text);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** Numbers as number cells, nulls as empty cells, anything else as text. */
    private static void values(Row row, Object... values) {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else {
                cell.setCellValue(value.toString());
            }
        }
    }
}
