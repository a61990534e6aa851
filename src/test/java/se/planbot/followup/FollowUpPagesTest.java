package se.planbot.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.plan.ActionStatus;

/** The public follow-up pages and downloads over real HTTP, on the story's year 2026. */
class FollowUpPagesTest {

    @TempDir
    Path folder;
    FollowUpStory story;

    @BeforeEach
    void start() {
        story = new FollowUpStory(folder).started();
    }

    @AfterEach
    void stop() {
        story.close();
    }

    private void publish2026() {
        story.readyDraft(2026);
        story.reports().saveSection(2026, Section.INTRODUCTION,
                "Året präglades av företagslotsens start i Alingsås.\n\nEffekterna på jobben tar tid att märka.", true,
                "Karin Öst");
        story.reports().saveMeetings(2026, "2027-04-15 Näringslivsforum våren\n2027-11-20 Årlig avstämning med kommunstyrelsen");
        story.reports().publish(2026, "Karin Öst");
    }

    @Test
    void a_draft_is_not_public_neither_as_page_nor_as_download() {
        story.readyDraft(2026);

        assertThat(story.get("/follow-up/2026").statusCode()).isEqualTo(404);
        assertThat(story.page("/follow-up/2026")).contains("<h1>Sidan finns inte</h1>");
        assertThat(story.get("/follow-up/2026/uppfoljning.pdf").statusCode()).isEqualTo(404);
        assertThat(story.get("/follow-up/2026/uppfoljning.xlsx").statusCode()).isEqualTo(404);
        assertThat(story.page("/follow-up")).contains("Ingen uppföljning är publicerad ännu.");
    }

    @Test
    void a_year_that_is_not_a_year_or_has_no_report_is_the_404_page() {
        assertThat(story.get("/follow-up/2025").statusCode()).isEqualTo(404);
        assertThat(story.get("/follow-up/tjugo").statusCode()).isEqualTo(404);
        assertThat(story.get("/follow-up/99999").statusCode()).isEqualTo(404);
        assertThat(story.get("/follow-up/1999/uppfoljning.pdf").statusCode()).isEqualTo(404);
    }

    @Test
    void the_published_report_page_shows_the_texts_the_figures_and_when_they_were_taken() {
        publish2026();

        var response = story.get("/follow-up/2026");
        String page = story.page("/follow-up/2026");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(page).contains("<h1>Årlig uppföljning 2026</h1>")
                .contains("<p>Året präglades av företagslotsens start i Alingsås.</p>")
                .contains("<p>Effekterna på jobben tar tid att märka.</p>")
                .contains("Publicerad 15 januari 2027 kl. 10.00")
                .contains("Siffrorna hämtades 15 januari 2027 kl. 10.00")
                .contains("Företagslotsen öppnar")
                .contains("Praktikplatser för gymnasieelever")
                .contains("Frukostmöte om kompetens")
                .contains("Inga förslag registrerade.")
                .contains("Inga indikatorer registrerade.")
                .contains("På väg mot målet").contains("Inte på väg")
                .contains("15 april 2027</time>: Näringslivsforum våren")
                .contains("href=\"/follow-up/2026/uppfoljning.pdf\"")
                .contains("href=\"/follow-up/2026/uppfoljning.xlsx\"")
                .contains("aria-current=\"page\">Årlig uppföljning</a>");
        assertThat(story.page("/follow-up")).contains("<a href=\"/follow-up/2026\">Årlig uppföljning 2026</a>");
    }

    @Test
    void the_pdf_holds_the_reports_numbers_and_swedish_letters_in_embedded_fonts_and_is_tagged() throws IOException {
        publish2026();

        var response = story.get("/follow-up/2026/uppfoljning.pdf");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"uppfoljning-2026.pdf\"");
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            var stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(pdf).replace('\u00a0', ' ').replace(" %", "%");
            assertThat(text).contains("Årlig uppföljning 2026")
                    .contains("Året präglades av företagslotsens start i Alingsås.")
                    .contains("Siffrorna hämtades 15 januari 2027 kl. 10.00")
                    .contains("Kompetensförsörjning 3 1 2 0 0 1 0%")
                    .contains("Totalt 5 1 2 1 1 1 25%")
                    .contains("Praktikplatser för gymnasieelever")
                    .contains("Frukostmöte om kompetens")
                    .contains("Inga förslag registrerade.")
                    .contains("Näringslivsforum våren");
            assertThat(pdf.getDocumentInformation().getTitle()).startsWith("Årlig uppföljning 2026");
            var catalog = pdf.getDocumentCatalog();
            assertThat(catalog.getLanguage()).isEqualTo("sv");
            assertThat(catalog.getMarkInfo()).isNotNull();
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getStructureTreeRoot()).isNotNull();
            var fonts = new ArrayList<PDFont>();
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.getName()).contains("DejaVuSans");
                assertThat(font.isEmbedded()).isTrue();
            });
        }
    }

    @Test
    void the_indicators_of_the_indicators_feature_appear_with_values_target_and_judgement_in_page_pdf_and_xlsx()
            throws IOException {
        var indicators = story.planbot.indicators();
        var jobs = indicators.create(new se.planbot.indicators.IndicatorDraft("Nya jobb sedan 2021", "", "jobb",
                se.planbot.indicators.Direction.HIGHER, "3 700 fler jobb till 2035", null, 2021, java.math.BigDecimal.ZERO,
                2035, new java.math.BigDecimal("3700"), se.planbot.indicators.SourceKind.MANUAL, null, null, null));
        indicators.putValue(jobs.id(), 2024, new java.math.BigDecimal("1010"), "", "Karin Öst");
        indicators.putValue(jobs.id(), 2025, new java.math.BigDecimal("1350"), "Ny definition från 2025", "Karin Öst");
        publish2026();

        assertThat(story.page("/follow-up/2026")).contains("Nya jobb sedan 2021").contains("1\u00a0350 (2025)")
                .contains("1\u00a0010 (2024)").contains("3\u00a0700 (2035)").contains("På väg mot målet</span>")
                .contains("2025: Ny definition från 2025");
        try (PDDocument pdf = Loader.loadPDF(story.get("/follow-up/2026/uppfoljning.pdf").body())) {
            var stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(pdf).replace('\u00a0', ' ');
            assertThat(text).contains("Nya jobb sedan 2021").contains("1 350 (2025)").contains("3 700 (2035)")
                    .contains("På väg mot målet");
        }
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(story.get("/follow-up/2026/uppfoljning.xlsx").body()))) {
            Sheet sheet = workbook.getSheet("Indikatorer");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Nya jobb sedan 2021");
            assertThat(sheet.getRow(1).getCell(8).getNumericCellValue()).isEqualTo(1350.0);
            assertThat(sheet.getRow(1).getCell(10).getNumericCellValue()).isEqualTo(3700.0);
            assertThat(sheet.getRow(1).getCell(11).getStringCellValue()).isEqualTo("På väg mot målet");
        }
    }

    @Test
    void the_xlsx_holds_the_same_numbers_as_number_cells() throws IOException {
        publish2026();

        var response = story.get("/follow-up/2026/uppfoljning.xlsx");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"uppfoljning-2026.xlsx\"");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            assertThat(rows(workbook.getSheet("Om rapporten"))).contains(List.of("Årlig uppföljning 2026"))
                    .contains(List.of("Siffrorna hämtades 2027-01-15 10.00 (publicerad rapport)"));
            Sheet strategies = workbook.getSheet("Strategier");
            assertThat(rows(strategies)).containsExactly(
                    List.of("Nr", "Strategi", "Åtgärder", "Planerade", "Pågår", "Klara", "Avbrutna", "Försenade", "Andel klara (%)"),
                    List.of("1", "Service och bemötande", "2", "0", "0", "1", "1", "0", "100"),
                    List.of("2", "Kompetensförsörjning", "3", "1", "2", "0", "0", "1", "0"),
                    List.of("", "Totalt", "5", "1", "2", "1", "1", "1", "25"));
            assertThat(strategies.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(5.0);
            assertThat(rows(workbook.getSheet("Försenade"))).extracting(row -> row.get(0)).containsExactly("Kod", "2.1");
            assertThat(rows(workbook.getSheet("Genomförda"))).extracting(row -> row.get(0)).containsExactly("Kod", "1.1");
            assertThat(rows(workbook.getSheet("Dialoger")).get(1)).containsExactly("Frukostmöte om kompetens", "2026-05-20",
                    "Stadshuset", "2");
            assertThat(rows(workbook.getSheet("Förslag")).get(1)).containsExactly("Inga förslag registrerade");
        }
    }

    @Test
    void a_change_to_an_action_after_publishing_does_not_change_the_published_downloads() throws IOException {
        publish2026();
        byte[] before = story.get("/follow-up/2026/uppfoljning.xlsx").body();
        Fixtures2.done(story);

        String page = story.page("/follow-up/2026");

        assertThat(page).contains("Praktikplatser för gymnasieelever");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(story.get("/follow-up/2026/uppfoljning.xlsx").body()));
                var earlier = new XSSFWorkbook(new ByteArrayInputStream(before))) {
            assertThat(rows(workbook.getSheet("Strategier"))).isEqualTo(rows(earlier.getSheet("Strategier")));
            assertThat(rows(workbook.getSheet("Försenade"))).extracting(row -> row.get(0)).containsExactly("Kod", "2.1");
        }
    }

    /** Marks the overdue action done, a day after publishing. */
    private static final class Fixtures2 {
        static void done(FollowUpStory story) {
            story.clock.advance(java.time.Duration.ofDays(1));
            se.planbot.Fixtures.setStatus(story.planbot, story.overdue, ActionStatus.DONE);
        }
    }

    private static List<List<String>> rows(Sheet sheet) {
        var formatter = new DataFormatter();
        var rows = new ArrayList<List<String>>();
        for (Row row : sheet) {
            var cells = new ArrayList<String>();
            for (int i = 0; i < row.getLastCellNum(); i++) {
                cells.add(row.getCell(i) == null ? "" : formatter.formatCellValue(row.getCell(i)));
            }
            rows.add(cells);
        }
        return rows;
    }
}
