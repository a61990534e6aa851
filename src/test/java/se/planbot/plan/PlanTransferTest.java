package se.planbot.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.Planbot;
import se.planbot.TestPlanbot;

class PlanTransferTest {

    private static final String SPREADSHEET = """
            Kod;Åtgärd;Strategi;Ansvarig;E-post;Förvaltning;Start;Klart senast;Status;Framsteg
            1.1;Företagslotsen;1 Service och bemötande;Anna Milsta;anna@example.se;KLK;2026-01-01;2026-06-30;Pågår;40 %
            1.2;Servicemätning;1;Erik Sjöberg;erik@example.se;SBF;2026-02-01;2026-12-31;Planerad;0
            2.1;Kompetensråd;2 Kompetensförsörjning;Anna Milsta;anna@example.se;KUF;;2027-03-31;Klar;100
            """;

    @TempDir
    Path folder;

    private Planbot planbot;

    @BeforeEach
    void open() {
        planbot = TestPlanbot.create(folder, Map.of(), Clock.fixed(TestPlanbot.NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        planbot.close();
    }

    private ImportResult importText(String text) {
        return planbot.transfer().importCsv(text.getBytes(StandardCharsets.UTF_8), "import:test.csv");
    }

    @Test
    void a_swedish_semicolon_spreadsheet_is_imported_with_strategies_and_owners() {
        var result = importText(SPREADSHEET);

        assertThat(result).isEqualTo(new ImportResult(3, 0, 0));
        assertThat(planbot.plan().strategies()).extracting(Strategy::title)
                .containsExactly("Service och bemötande", "Kompetensförsörjning");
        var lotsen = planbot.plan().actionByCode("1.1").orElseThrow();
        assertThat(lotsen.ownerName()).isEqualTo("Anna Milsta");
        assertThat(lotsen.ownerEmail()).isEqualTo("anna@example.se");
        assertThat(lotsen.status()).isEqualTo(ActionStatus.IN_PROGRESS);
        assertThat(lotsen.progress()).isEqualTo(40);
        assertThat(planbot.plan().people()).hasSize(2);
    }

    @Test
    void a_comma_separated_file_with_english_headings_and_a_bom_is_read_too() {
        String text = "\uFEFFcode,title,strategy,owner,deadline,status\n"
                + "3.1,\"Detaljplan, etapp 1\",3 Mark,Lars Holm,2027-01-31,in_progress\n";
        assertThat(importText(text).created()).isEqualTo(1);
        assertThat(planbot.plan().actionByCode("3.1").orElseThrow().title()).isEqualTo("Detaljplan, etapp 1");
    }

    @Test
    void importing_the_same_file_twice_updates_by_code_and_duplicates_nothing() {
        importText(SPREADSHEET);
        var second = importText(SPREADSHEET);

        assertThat(second).isEqualTo(new ImportResult(0, 0, 3));
        assertThat(planbot.plan().actions(ActionFilter.all())).hasSize(3);
        long id = planbot.plan().actionByCode("1.1").orElseThrow().id();
        assertThat(planbot.plan().history(id)).hasSize(1);

        var changed = importText(SPREADSHEET.replace("2026-06-30;Pågår;40 %", "2026-08-31;Pågår;60"));
        assertThat(changed).isEqualTo(new ImportResult(0, 1, 2));
        var history = planbot.plan().history(id);
        assertThat(history).hasSize(2);
        assertThat(history.get(1).actor()).isEqualTo("import:test.csv");
        assertThat(history.get(1).fields()).containsExactly(
                new FieldChange("deadline", "2026-06-30", "2026-08-31"), new FieldChange("progress", "40", "60"));
    }

    @Test
    void a_sheet_without_some_columns_leaves_those_fields_as_they_are() {
        importText("Kod;Åtgärd;Beskrivning;Strategi;Förvaltning;Status;Framsteg;Ursprung\n"
                + "1.1;Företagslotsen;En lots för företag;1 Service;KLK;Pågår;40;dialog\n");
        var result = importText("Kod;Åtgärd;Strategi\n1.1;Företagslotsen: en väg in;1\n");

        assertThat(result).isEqualTo(new ImportResult(0, 1, 0));
        var lotsen = planbot.plan().actionByCode("1.1").orElseThrow();
        assertThat(lotsen.title()).isEqualTo("Företagslotsen: en väg in");
        assertThat(lotsen.description()).as("no Beskrivning column").isEqualTo("En lots för företag");
        assertThat(lotsen.department()).as("no Förvaltning column").isEqualTo("KLK");
        assertThat(lotsen.status()).as("no Status column").isEqualTo(ActionStatus.IN_PROGRESS);
        assertThat(lotsen.progress()).isEqualTo(40);
        assertThat(lotsen.origin()).as("no Ursprung column").isEqualTo("dialog");

        importText("Kod;Åtgärd;Strategi;Status\n1.2;Ny utan status;1;\n");
        assertThat(planbot.plan().actionByCode("1.2").orElseThrow().status()).isEqualTo(ActionStatus.PLANNED);
    }

    @Test
    void every_bad_row_is_listed_by_number_and_the_database_is_unchanged() {
        importText(SPREADSHEET);
        String before = planbot.plan().actions(ActionFilter.all()).toString();
        String bad = SPREADSHEET
                + "2.2;Praktikplatser;2;Sara;sara@example.se;KUF;2026-01-01;2026-02-30;Pågår;10\n"
                + "2.3;;2;Sara;sara@example.se;KUF;;;Pågår;120\n"
                + "1.2;Dubblett;1;Erik;;;;;Klar;\n"
                + "4.1;Ny strategi utan namn;4;Karin;;;;;Planerad;\n"
                + "2.4;Fel status;2;Sara;;;;;Färdigt nästan;\n";

        assertThatThrownBy(() -> importText(bad))
                .isInstanceOfSatisfying(ImportFailed.class, failed -> assertThat(failed.problems()).containsExactly(
                        "rad 5: Klart senast '2026-02-30' är inget datum (ÅÅÅÅ-MM-DD)",
                        "rad 6: Åtgärd (titel) saknas",
                        "rad 6: Framsteg 120 ska vara 0–100",
                        "rad 7: koden '1.2' finns redan på rad 3",
                        "rad 9: Status 'Färdigt nästan' är okänd; använd Planerad, Pågår, Klar eller Avbruten"));
        assertThat(planbot.plan().actions(ActionFilter.all()).toString()).isEqualTo(before);
    }

    @Test
    void rows_that_fail_only_when_written_roll_back_the_whole_import() {
        String text = SPREADSHEET + "4.1;Ny strategi utan namn;4;Karin;;;;;Planerad;\n";

        assertThatThrownBy(() -> importText(text))
                .isInstanceOfSatisfying(ImportFailed.class, failed -> assertThat(failed.problems())
                        .singleElement().asString().startsWith("rad 5: Strategi 4 finns inte"));
        assertThat(planbot.plan().actions(ActionFilter.all())).isEmpty();
        assertThat(planbot.plan().strategies()).isEmpty();
        assertThat(planbot.plan().people()).isEmpty();
    }

    @Test
    void a_slack_id_column_links_owners_to_slack_and_a_bad_one_is_refused() {
        importText("Kod;Åtgärd;Strategi;Ansvarig;E-post;Slack-id\n1.1;Lots;1 Service;Anna Milsta;anna@example.se;U01ANNA\n");
        assertThat(planbot.plan().personBySlackUserId("U01ANNA")).hasValueSatisfying(
                anna -> assertThat(anna.email()).isEqualTo("anna@example.se"));

        assertThatThrownBy(() -> importText("Kod;Åtgärd;Strategi;Ansvarig;Slack-id\n1.2;Mätning;1;Erik;anna\n"))
                .isInstanceOfSatisfying(ImportFailed.class, failed -> assertThat(failed.problems()).containsExactly(
                        "rad 2: Slack-id 'anna' är inget Slack-användar-id (t.ex. U012AB3CD)"));
        assertThatThrownBy(() -> importText("Kod;Åtgärd;Strategi;Ansvarig;Slack-id\n1.2;Mätning;1;Erik;U01ANNA\n"))
                .isInstanceOfSatisfying(ImportFailed.class, failed -> assertThat(failed.problems()).containsExactly(
                        "rad 2: Slack-id: Slack-id:t används redan av Anna Milsta"));
    }

    @Test
    void row_numbers_are_the_rows_excel_shows_even_with_a_cell_on_several_lines_and_a_blank_row() {
        String text = "Kod;Åtgärd;Beskrivning;Strategi;Klart senast\n"
                + "1.1;Lots;\"Första raden\nandra raden\";1 Service;2027-01-31\n"
                + "\n"
                + "1.2;Mätning;;1;2027-02-30\n";
        assertThatThrownBy(() -> importText(text))
                .isInstanceOfSatisfying(ImportFailed.class, failed -> assertThat(failed.problems())
                        .containsExactly("rad 4: Klart senast '2027-02-30' är inget datum (ÅÅÅÅ-MM-DD)"));
    }

    @Test
    void missing_headings_and_non_utf8_files_are_explained() {
        assertThatThrownBy(() -> importText("Nummer;Namn\n1;x\n"))
                .isInstanceOfSatisfying(ImportFailed.class, failed -> assertThat(failed.problems())
                        .anySatisfy(problem -> assertThat(problem).startsWith("rad 1: rubriken 'Kod' saknas")));
        byte[] latin1 = "Kod;Åtgärd;Strategi\n1.1;Lots;1 Service\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> planbot.transfer().importCsv(latin1, "x"))
                .hasMessageContaining("inte UTF-8");
    }

    @Test
    void an_unclosed_quote_is_named_by_its_row_in_swedish_without_library_text() {
        String text = "Kod;Åtgärd;Strategi\n1.1;Lots;1 Service\n1.2;Mätning;1\n1.3;Råd;1\n1.4;\"Besök;1\n1.5;Mässa;1\n";
        assertThatThrownBy(() -> importText(text))
                .isInstanceOf(se.planbot.problem.InvalidInput.class)
                .hasMessageContaining("rad 5: ett citattecken (\") öppnar en cell som aldrig stängs")
                .hasMessageNotContaining("EOF").hasMessageNotContaining("CSVException");
        assertThatThrownBy(() -> importText("Kod;Åtgärd;Strategi\n1.1;\"Lots\"x;1\n"))
                .hasMessageContaining("rad 2: felaktiga citattecken")
                .hasMessageNotContaining("invalid char");
        assertThat(planbot.plan().actions(ActionFilter.all())).isEmpty();
    }

    @Test
    void export_then_import_into_an_empty_database_gives_the_same_plan_in_csv_and_xlsx() throws Exception {
        planbot.loadDemo();
        for (String name : List.of("plan.csv", "plan.xlsx")) {
            Path file = folder.resolve(name);
            assertThat(planbot.transfer().exportFile(file)).isEqualTo(25);

            Path other = Files.createDirectory(folder.resolve("copy-" + name));
            try (Planbot copy = TestPlanbot.create(other, Map.of(), Clock.fixed(TestPlanbot.NOW, ZoneOffset.UTC))) {
                assertThat(copy.transfer().importFile(file, "import").created()).isEqualTo(25);
                assertThat(comparable(copy)).isEqualTo(comparable(planbot));
                assertThat(copy.plan().strategies()).isEqualTo(planbot.plan().strategies());
            }
        }
    }

    @Test
    void the_exported_workbook_has_progress_as_numbers_and_an_autofilter() throws Exception {
        importText(SPREADSHEET);
        var out = new java.io.ByteArrayOutputStream();
        planbot.transfer().exportXlsx(out);

        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(out.toByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            int progress = PlanTransfer.HEADINGS.indexOf("Framsteg");
            var cell = sheet.getRow(1).getCell(progress);
            assertThat(cell.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat(cell.getNumericCellValue()).isEqualTo(40.0);
            assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isTrue();
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:M4");
        }
    }

    private static List<String> comparable(Planbot planbot) {
        return planbot.plan().actions(ActionFilter.all()).stream()
                .map(a -> String.join("|", a.code(), a.title(), a.description(), "" + a.strategyId(), a.ownerName(),
                        a.ownerEmail(), a.department(), "" + a.startDate(), "" + a.deadline(), a.status().code(),
                        "" + a.progress(), a.origin()))
                .toList();
    }
}
