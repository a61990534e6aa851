package se.planbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.TestPlanbot;

class IndicatorApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private TestPlanbot app;
    private String token;

    @BeforeEach
    void start() {
        app = TestPlanbot.started(folder).withDemo();
        token = app.token();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private JsonNode indicatorNamed(String name) {
        for (JsonNode indicator : json(app.get("/api/v1/indicators"))) {
            if (indicator.get("name").asText().equals(name)) {
                return indicator;
            }
        }
        throw new AssertionError("no indicator " + name);
    }

    @Test
    void the_demo_lists_the_programmes_indicators_with_the_jobs_goal() {
        var list = json(app.get("/api/v1/indicators"));
        assertThat(list.size()).isGreaterThanOrEqualTo(6);

        var newJobs = indicatorNamed("Nya jobb sedan 2021");
        assertThat(newJobs.get("source").asText()).isEqualTo("derived");
        assertThat(newJobs.get("targetValue").decimalValue()).isEqualByComparingTo("3700");
        assertThat(newJobs.get("targetYear").asInt()).isEqualTo(2035);
        assertThat(newJobs.get("latest").get("year").asInt()).isEqualTo(2024);
        assertThat(newJobs.get("latest").get("value").decimalValue()).isEqualByComparingTo("1050");
        assertThat(newJobs.get("trend").asText()).isEqualTo("up");
    }

    @Test
    void one_indicator_is_shown_with_its_values_by_year_and_a_missing_year_is_null() {
        long id = indicatorNamed("Nystartade företag").get("id").asLong();
        var put = app.send("PUT", "/api/v1/indicators/" + id + "/values/2024", token, "{\"value\":null,\"note\":\"Ej publicerat\"}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        var shown = json(app.get("/api/v1/indicators/" + id));
        assertThat(shown.get("koladaKpi").asText()).isEqualTo("N00999");
        var values = shown.get("values");
        assertThat(values.get(0).get("year").asInt()).isEqualTo(2019);
        assertThat(values.get(0).get("value").decimalValue()).isEqualByComparingTo("4.3");
        assertThat(values.get(0).get("source").asText()).isEqualTo("kolada");
        var last = values.get(values.size() - 1);
        assertThat(last.get("year").asInt()).isEqualTo(2024);
        assertThat(last.get("value").isNull()).isTrue();
        assertThat(last.get("source").asText()).isEqualTo("manual");
        assertThat(last.get("note").asText()).isEqualTo("Ej publicerat");
        assertThat(shown.get("latest").get("year").asInt()).as("a missing year is no latest value").isEqualTo(2023);
    }

    @Test
    void a_coordinator_creates_patches_and_enters_a_value() {
        var created = app.send("POST", "/api/v1/indicators", token, """
                {"name":"Besöksnäringens omsättning","unit":"mnkr","direction":"higher","goal":"Attraktionskraft",
                 "strategy":4,"baselineYear":2021,"baselineValue":512.5,"targetYear":2035,"targetValue":800}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String path = created.headers().firstValue("Location").orElseThrow();

        var patched = app.send("PATCH", path, token, "{\"targetValue\":850,\"strategy\":null}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(json(patched).get("targetValue").decimalValue()).isEqualByComparingTo("850");
        assertThat(json(patched).get("strategy").isNull()).isTrue();

        var put = app.send("PUT", path + "/values/2024", token, "{\"value\":601.25,\"note\":\"Uppgift från Tillväxtverket\"}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(json(app.get(path)).get("values").get(0).get("value").decimalValue()).isEqualByComparingTo("601.25");
    }

    @Test
    void writes_need_a_token() {
        assertThat(app.send("POST", "/api/v1/indicators", null, "{\"name\":\"X\"}").statusCode()).isEqualTo(401);
        assertThat(app.send("PUT", "/api/v1/indicators/1/values/2024", null, "{\"value\":1}").statusCode()).isEqualTo(401);
    }

    @Test
    void a_year_that_is_no_year_is_a_swedish_problem_and_nothing_changes() {
        String before = app.get("/api/v1/indicators/1").body();
        var answer = app.send("PUT", "/api/v1/indicators/1/values/20x4", token, "{\"value\":1}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(answer).get("errors").get(0).get("field").asText()).isEqualTo("year");
        assertThat(json(answer).get("errors").get(0).get("message").asText()).isEqualTo("'20x4' är inget år (ÅÅÅÅ, t.ex. 2024)");
        assertThat(app.get("/api/v1/indicators/1").body()).isEqualTo(before);
    }

    @Test
    void a_value_that_is_not_a_number_is_refused_naming_the_field() {
        var answer = app.send("PUT", "/api/v1/indicators/1/values/2024", token, "{\"value\":\"mycket\"}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer).get("errors").get(0).get("field").asText()).isEqualTo("value");
        assertThat(json(answer).get("errors").get(0).get("message").asText()).startsWith("ska vara ett tal");
    }

    @Test
    void a_body_without_a_value_is_refused() {
        var answer = app.send("PUT", "/api/v1/indicators/1/values/2024", token, "{\"note\":\"x\"}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer).get("errors").get(0).get("message").asText()).startsWith("värdet saknas");
    }

    @Test
    void a_target_year_before_the_baseline_year_is_refused() {
        var answer = app.send("POST", "/api/v1/indicators", token, """
                {"name":"Jobb","baselineYear":2021,"baselineValue":1,"targetYear":2019,"targetValue":2}""");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer).get("errors").get(0).get("field").asText()).isEqualTo("targetYear");
        assertThat(json(answer).get("errors").get(0).get("message").asText()).isEqualTo("målåret 2019 ligger före basåret 2021");
    }

    @Test
    void several_mistakes_are_named_at_once_in_swedish() {
        var answer = app.send("POST", "/api/v1/indicators", token, """
                {"name":"","direction":"upp","source":"kolada","koladaKpi":"jobb","baselineYear":2021,"colour":"röd"}""");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"direction\"", "\"field\":\"colour\"");
        var second = app.send("POST", "/api/v1/indicators", token, """
                {"name":"","source":"kolada","koladaKpi":"jobb","baselineYear":2021}""");
        assertThat(second.body()).contains("namnet saknas", "'jobb' är inget Kolada-id", "basvärdet saknas");
    }

    @Test
    void a_derived_indicator_takes_no_values_of_its_own() {
        long id = indicatorNamed("Nya jobb sedan 2021").get("id").asLong();
        var answer = app.send("PUT", "/api/v1/indicators/" + id + "/values/2024", token, "{\"value\":5000}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("räknas fram från indikator");
    }

    @Test
    void an_unknown_indicator_is_404() {
        assertThat(app.get("/api/v1/indicators/999").statusCode()).isEqualTo(404);
        assertThat(app.get("/api/v1/indicators/sju").statusCode()).isEqualTo(404);
    }
}
