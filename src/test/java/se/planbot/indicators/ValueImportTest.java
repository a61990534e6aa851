package se.planbot.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.Fixtures;
import se.planbot.Planbot;
import se.planbot.TestPlanbot;
import se.planbot.plan.ImportFailed;

/** Values from a sheet: the plan import's all-or-nothing rules. */
class ValueImportTest {

    @TempDir
    Path folder;

    Planbot planbot;
    IndicatorService indicators;
    ValueImport values;
    Indicator ranking;
    Indicator turnover;

    @BeforeEach
    void open() {
        planbot = Fixtures.planbot(folder, Clock.fixed(TestPlanbot.NOW, ZoneOffset.UTC), Map.of());
        indicators = planbot.indicators();
        values = new ValueImport(indicators);
        ranking = indicators.create(new IndicatorDraft("Företagsklimat, ranking", "", "plats", Direction.LOWER, "", null,
                null, null, null, null, SourceKind.FILE, null, null, null));
        turnover = indicators.create(new IndicatorDraft("Omsättning", "", "mnkr", Direction.HIGHER, "", null,
                null, null, null, null, SourceKind.MANUAL, null, null, null));
    }

    @AfterEach
    void close() {
        planbot.close();
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String snapshot() {
        return indicators.values(ranking.id()).toString() + indicators.values(turnover.id());
    }

    @Test
    void a_csv_sheet_sets_values_by_id_or_name_with_notes_and_importing_it_again_changes_nothing() {
        byte[] sheet = csv("""
                Indikator;År;Värde;Anteckning
                %d;2023;81;
                företagsklimat, ranking;2024;66;Ny enkät
                Omsättning;2024;44 100,5;Uppgift från UC
                Omsättning;2022;saknas;
                Omsättning;2021;;
                """.formatted(ranking.id()));

        var first = values.importBytes(sheet, "import:test");

        assertThat(first.summary()).isEqualTo("4 nya, 0 ändrade, 0 oförändrade värden");
        assertThat(indicators.values(ranking.id())).extracting(IndicatorValue::year, v -> v.value().intValue(),
                IndicatorValue::source).containsExactly(org.assertj.core.groups.Tuple.tuple(2023, 81, ValueSource.FILE),
                org.assertj.core.groups.Tuple.tuple(2024, 66, ValueSource.FILE));
        assertThat(indicators.values(ranking.id()).get(1).note()).isEqualTo("Ny enkät");
        var omsattning = indicators.values(turnover.id());
        assertThat(omsattning).extracting(IndicatorValue::year).containsExactly(2022, 2024);
        assertThat(omsattning.get(0).missing()).isTrue();
        assertThat(omsattning.get(1).value()).isEqualByComparingTo("44100.5");

        assertThat(values.importBytes(sheet, "import:test").summary()).isEqualTo("0 nya, 0 ändrade, 4 oförändrade värden");
    }

    @Test
    void every_bad_row_is_listed_in_one_run_and_nothing_changes() {
        indicators.putValue(turnover.id(), 2023, new BigDecimal("42900"), "", "test");
        String before = snapshot();
        byte[] sheet = csv("""
                Indikator;År;Värde
                Omsättning;2023;43000
                Omsättning;20x4;1
                Omsättning;2024;mycket
                Okänd indikator;2024;1
                99;2024;1
                Omsättning;2023;43100
                """);

        assertThatThrownBy(() -> values.importBytes(sheet, "import:test")).isInstanceOfSatisfying(ImportFailed.class,
                failed -> assertThat(failed.problems()).containsExactly(
                        "rad 3: År: '20x4' är inget år (ÅÅÅÅ, t.ex. 2024)",
                        "rad 4: Värde: 'mycket' är inget tal (t.ex. 4,1 eller 3700)",
                        "rad 5: det finns ingen indikator som heter 'Okänd indikator'",
                        "rad 6: indikator 99 finns inte",
                        "rad 7: Omsättning 2023 finns redan på rad 2"));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void a_derived_indicator_and_unknown_headings_are_refused() {
        var derived = indicators.create(new IndicatorDraft("Nya jobb", "", "", Direction.HIGHER, "", null, 2021,
                BigDecimal.ZERO, null, null, SourceKind.DERIVED, null, null, turnover.id()));

        assertThatThrownBy(() -> values.importBytes(csv("Indikator;År;Värde\nNya jobb;2024;5\n"), "t"))
                .isInstanceOfSatisfying(ImportFailed.class, failed -> assertThat(failed.problems()).containsExactly(
                        "rad 2: värdena för 'Nya jobb' räknas fram från indikator " + turnover.id() + "; importera värdena dit"));
        assertThatThrownBy(() -> values.importBytes(csv("Indikator;Year;Värde\n"), "t"))
                .isInstanceOfSatisfying(ImportFailed.class, failed -> assertThat(failed.problems()).contains(
                        "rubriken 'Year' är okänd; använd Indikator;År;Värde;Anteckning",
                        "kolumnen 'År' saknas; första raden ska vara Indikator;År;Värde;Anteckning"));
        assertThat(indicators.values(derived.id())).isEmpty();
    }

    @Test
    void an_xlsx_sheet_takes_number_cells_as_numbers_whatever_their_display_format() throws Exception {
        var out = new ByteArrayOutputStream();
        try (var workbook = new XSSFWorkbook()) {
            var sheet = workbook.createSheet("Värden");
            var heading = sheet.createRow(0);
            heading.createCell(0).setCellValue("Indikator");
            heading.createCell(1).setCellValue("År");
            heading.createCell(2).setCellValue("Värde");
            var thousands = workbook.createCellStyle();
            thousands.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("Omsättning");
            row.createCell(1).setCellValue(2024);
            row.createCell(2).setCellValue(44100);
            row.getCell(2).setCellStyle(thousands);
            var second = sheet.createRow(2);
            second.createCell(0).setCellValue(ranking.id());
            second.createCell(1).setCellValue(2024);
            second.createCell(2).setCellValue(66.5);
            workbook.write(out);
        }

        values.importBytes(out.toByteArray(), "import:test.xlsx");

        assertThat(indicators.values(turnover.id()).get(0).value()).isEqualByComparingTo("44100");
        assertThat(indicators.values(ranking.id()).get(0).value()).isEqualByComparingTo("66.5");
    }

    @Test
    void a_sheet_that_is_not_utf8_is_refused_in_swedish() {
        byte[] latin1 = "Indikator;År;Värde\nOmsättning;2024;1\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> values.importBytes(latin1, "t")).hasMessageContaining("filen är inte UTF-8");
    }
}
