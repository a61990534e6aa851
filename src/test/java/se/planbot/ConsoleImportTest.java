package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.plan.Action;
import se.planbot.plan.ActionDraft;

/**
 * Import in the console: a sheet is previewed (new, changed fields, unchanged, every bad row by
 * its Excel row number) without changing anything, and applying imports exactly what was
 * previewed — refused, changing nothing, when the plan changed in between.
 */
class ConsoleImportTest {

    private static final Pattern HIDDEN = Pattern.compile("name=\"(upload|preview)\" value=\"([^\"]*)\"");

    @TempDir
    Path folder;
    BusinessFixture app;
    ConsoleClient coordinator;

    @BeforeEach
    void start() {
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"));
        coordinator = ConsoleClient.signedIn(app, app.planbot.plan().personByEmail("koordinator@example.se").orElseThrow());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private String exportedCsv() {
        var export = coordinator.download("/admin/export.csv");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).contains("atgardsplan.csv");
        return new String(export.body(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> applyFields(String page) {
        var fields = new java.util.HashMap<String, String>();
        Matcher matcher = HIDDEN.matcher(page);
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2));
        }
        return fields;
    }

    @Test
    void a_sheet_is_previewed_without_changing_anything_and_applying_imports_exactly_that() {
        String csv = exportedCsv();
        Action first = app.planbot.plan().actionByCode("1.1").orElseThrow();
        String changed = csv.replace(first.title(), "Företagslotsen: en dörr in")
                + "9.9;Ny åtgärd från arket;;1 Service och bemötande;;;;Kommunledningskontoret;;2027-06-30;Planerad;0;plan\n";

        var preview = coordinator.postFile("/admin/import/preview", "file", "plan.csv", changed.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(preview.body()).contains("1 nya, 1 ändrade, ")
                .contains("Ny åtgärd").contains("9.9 Ny åtgärd från arket")
                .contains("Åtgärd: " + first.title() + " → Företagslotsen: en dörr in")
                .contains("Genomför importen");
        assertThat(app.planbot.plan().actionByCode("9.9")).as("a preview changes nothing").isEmpty();
        assertThat(app.planbot.plan().actionByCode("1.1").orElseThrow().title()).isEqualTo(first.title());

        var applied = coordinator.post("/admin/import/apply", applyFields(preview.body()));
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(303);
        assertThat(applied.headers().firstValue("Location").orElseThrow()).startsWith("/admin/import?created=1&updated=1");
        assertThat(app.planbot.plan().actionByCode("9.9")).isPresent();
        assertThat(app.planbot.plan().actionByCode("1.1").orElseThrow().title()).isEqualTo("Företagslotsen: en dörr in");
        assertThat(app.planbot.plan().lastChange(first.id()).orElseThrow().actor()).isEqualTo("Koordinator Demo (konsol)");
        assertThat(coordinator.get(applied.headers().firstValue("Location").orElseThrow()).body())
                .contains("Importen är genomförd: 1 nya, 1 ändrade");

        var again = coordinator.post("/admin/import/apply", applyFields(preview.body()));
        assertThat(again.statusCode()).as("an applied upload is gone").isEqualTo(400);
        assertThat(again.body()).contains("förhandsvisningen finns inte längre");
    }

    @Test
    void every_bad_row_is_listed_by_its_row_number_and_nothing_can_be_applied() {
        String csv = exportedCsv();
        String[] lines = csv.split("\n");
        String broken = lines[0] + "\n" + lines[1] + "\n"
                + "2.9;Utan strategi;;42;;;;Förvaltningen;;2027-01-01;Planerad;0;plan\n"
                + "3.9;Fel datum;;1;;;;Förvaltningen;;31/12;Planerad;0;plan\n";
        long before = app.planbot.plan().actions(se.planbot.plan.ActionFilter.all()).size();

        var preview = coordinator.postFile("/admin/import/preview", "file", "plan.csv", broken.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.statusCode()).isEqualTo(400);
        assertThat(preview.body()).contains("Filen kan inte importeras").contains("rad 3:").contains("rad 4:")
                .doesNotContain("Genomför importen");
        assertThat(app.planbot.plan().actions(se.planbot.plan.ActionFilter.all())).hasSize((int) before);
    }

    @Test
    void applying_after_the_plan_changed_is_refused_and_shows_what_the_sheet_would_do_now() {
        String csv = exportedCsv();
        Action first = app.planbot.plan().actionByCode("1.1").orElseThrow();
        String changed = csv.replace(first.title(), "Företagslotsen: en dörr in");
        var preview = coordinator.postFile("/admin/import/preview", "file", "plan.csv", changed.getBytes(StandardCharsets.UTF_8));
        Action second = app.planbot.plan().actionByCode("1.2").orElseThrow();
        app.planbot.plan().patchAction(second.id(), new ActionDraft(null, "Ändrad under tiden", null, null, null, null, null,
                null, null, null, null), null, "test");

        var refused = coordinator.post("/admin/import/apply", applyFields(preview.body()));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Åtgärdsplanen har ändrats sedan förhandsvisningen")
                .contains("Åtgärd: Ändrad under tiden → " + second.title());
        assertThat(app.planbot.plan().actionByCode("1.1").orElseThrow().title()).as("nothing changed").isEqualTo(first.title());

        var applied = coordinator.post("/admin/import/apply", applyFields(refused.body()));
        assertThat(applied.statusCode()).isEqualTo(303);
        assertThat(app.planbot.plan().actionByCode("1.2").orElseThrow().title()).isEqualTo(second.title());
    }

    @Test
    void an_exported_workbook_imports_as_unchanged_and_a_missing_or_broken_file_is_a_swedish_message() {
        var xlsx = coordinator.download("/admin/export.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        var preview = coordinator.postFile("/admin/import/preview", "file", "plan.xlsx", xlsx.body());
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(preview.body()).contains("0 nya, 0 ändrade").contains("Filen ändrar ingenting")
                .doesNotContain("Genomför importen");

        var none = coordinator.post("/admin/import/preview", Map.of());
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("välj en fil");
        var latin1 = coordinator.postFile("/admin/import/preview", "file", "plan.csv",
                "Kod;Åtgärd\n1;Ö\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(latin1.statusCode()).isEqualTo(400);
        assertThat(latin1.body()).contains("filen är inte UTF-8");
        var made = coordinator.post("/admin/import/apply", Map.of("upload", "0".repeat(64), "preview", "x"));
        assertThat(made.statusCode()).isEqualTo(400);
        assertThat(coordinator.get("/admin/import").body()).contains("Import och export").contains("enctype=\"multipart/form-data\"");
    }
}
