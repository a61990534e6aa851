package se.planbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.TestPlanbot;

class TransferApiTest {

    @TempDir
    Path folder;

    private TestPlanbot app;
    private String token;

    @BeforeEach
    void start() {
        app = TestPlanbot.started(folder);
        token = app.token();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private HttpRequest.Builder post(String type, byte[] body) {
        return HttpRequest.newBuilder(URI.create(app.url("/api/v1/import")))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    @Test
    void a_csv_uploaded_with_a_token_is_imported_and_bad_rows_are_problems() {
        byte[] csv = "Kod;Åtgärd;Strategi;Klart senast\n1.1;Företagslotsen;1 Service;2027-01-31\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(app.send(post("text/csv", csv).build()).statusCode()).isEqualTo(401);

        var imported = app.send(post("text/csv", csv).header("Authorization", "Bearer " + token).build());
        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(imported.body()).contains("\"created\":1");

        byte[] renamed = "Kod;Åtgärd;Strategi\n1.1;Företagslotsen;1 Servise\n".getBytes(StandardCharsets.UTF_8);
        var renaming = app.send(post("text/csv", renamed).header("Authorization", "Bearer " + token).build());
        assertThat(renaming.body()).contains("\"renamedStrategies\":[{\"strategy\":1,\"from\":\"Service\",\"to\":\"Servise\"}]");

        byte[] bad = "Kod;Åtgärd;Strategi;Klart senast\n1.1;Lots;1;2027-02-30\n".getBytes(StandardCharsets.UTF_8);
        var refused = app.send(post("text/csv", bad).header("Authorization", "Bearer " + token).build());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("rad 2: Klart senast '2027-02-30' är inget datum");
        assertThat(app.get("/api/v1/actions/1").body()).contains("2027-01-31");
    }

    @Test
    void a_sheet_of_5000_rows_with_descriptions_over_1_mb_is_imported() {
        var csv = new StringBuilder("Kod;Åtgärd;Beskrivning;Strategi;Klart senast\n");
        String description = "Samordna kommunens kontakter med företag genom en lots som tar emot och följer upp ärenden, "
                .repeat(3);
        for (int row = 0; row < 5000; row++) {
            int strategy = 1 + row % 6;
            csv.append(strategy).append('.').append(1 + row / 6).append(";Åtgärd ").append(row).append(';')
                    .append(description).append(';').append(strategy).append(" Strategi ").append(strategy)
                    .append(";2027-01-31\n");
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).isGreaterThan(1_300_000);

        var imported = app.send(post("text/csv", body).header("Authorization", "Bearer " + token).build());

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(imported.body()).contains("\"created\":5000");
    }

    @Test
    void an_import_over_20_mb_is_refused_and_other_routes_keep_their_1_mb_limit() {
        byte[] huge = new byte[20 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        var refused = app.send(post("text/csv", huge).header("Authorization", "Bearer " + token).build());
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("högst 20 MB");

        byte[] bigJson = ("{\"code\":\"9.1\",\"title\":\"x\",\"strategy\":1,\"description\":\"" + "a".repeat(1_100_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        var action = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/actions")))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bigJson)).build());
        assertThat(action.statusCode()).isEqualTo(413);
        assertThat(action.body()).contains("högst 1 MB");
    }

    @Test
    void the_plan_exported_as_xlsx_imports_back() {
        app.withDemo();
        var export = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/export.xlsx")))
                .header("Authorization", "Bearer " + token).build());
        assertThat(export.statusCode()).isEqualTo(200);
        var csv = app.get("/api/v1/export.csv", token);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("\uFEFFKod;Åtgärd;Beskrivning;Strategi");
        var again = app.send(post("text/csv", csv.body().getBytes(StandardCharsets.UTF_8))
                .header("Authorization", "Bearer " + token).build());
        assertThat(again.body()).contains("\"unchanged\":25");
    }

    @Test
    void the_exported_plan_holds_emails_so_it_needs_a_token() {
        app.withDemo();
        for (String path : new String[] {"/api/v1/export.csv", "/api/v1/export.xlsx"}) {
            var anonymous = app.get(path);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.body()).doesNotContain("@example.se");
        }
    }

    @Test
    void a_file_that_is_no_workbook_is_refused_in_swedish_without_library_text() throws Exception {
        var zip = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.ZipOutputStream(zip)) {
            out.putNextEntry(new java.util.zip.ZipEntry("hej.txt"));
            out.write("hej".getBytes(StandardCharsets.UTF_8));
        }
        for (byte[] body : new byte[][] {zip.toByteArray(), "inte en arbetsbok".getBytes(StandardCharsets.UTF_8)}) {
            var refused = app.send(post("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body)
                    .header("Authorization", "Bearer " + token).build());
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("Excel").doesNotContain("org.apache", "Exception", "OOXML", "workbook");
        }
    }

    @Test
    void metrics_are_prometheus_text_with_action_counts() {
        app.withDemo();
        app.get("/api/v1/actions");
        var metrics = app.get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("planbot_actions{status=\"done\"} 3", "planbot_actions_overdue 5",
                "planbot_http_requests_total{status=\"2xx\"}");
    }
}
