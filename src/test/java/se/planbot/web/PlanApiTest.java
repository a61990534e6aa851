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

class PlanApiTest {

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

    private String planSnapshot() {
        return app.get("/api/v1/actions").body() + app.get("/api/v1/people", token).body();
    }

    @Test
    void health_reports_the_database() {
        var response = app.get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("database").path("ok").asBoolean()).isTrue();
    }

    @Test
    void strategies_and_actions_are_public_reads() {
        assertThat(json(app.get("/api/v1/strategies"))).hasSize(6);
        var actions = json(app.get("/api/v1/actions"));
        assertThat(actions).hasSize(25);
        assertThat(actions.get(0).has("owner")).isTrue();
        assertThat(actions.get(0).has("ownerEmail")).as("emails are personal data").isFalse();
    }

    @Test
    void overdue_filter_lists_only_open_actions_past_their_deadline() {
        var overdue = json(app.get("/api/v1/actions?overdue=true"));
        assertThat(overdue).isNotEmpty();
        for (JsonNode action : overdue) {
            assertThat(action.path("overdue").asBoolean()).isTrue();
            assertThat(action.path("status").asText()).isIn("planned", "in_progress");
            assertThat(action.path("deadline").asText()).isLessThan("2026-11-27");
        }
        assertThat(overdue).extracting(node -> node.path("code").asText()).contains("1.1", "2.2", "3.2", "4.3", "5.2")
                .doesNotContain("1.4", "3.4");
    }

    @Test
    void filters_combine_strategy_status_owner_and_text_ignoring_diacritics() {
        var found = json(app.get("/api/v1/actions?strategy=2&status=in_progress"));
        assertThat(found).extracting(node -> node.path("code").asText()).containsExactly("2.1", "2.2", "2.3");
        var byText = json(app.get("/api/v1/actions?q=foretagslotsen"));
        assertThat(byText).extracting(node -> node.path("code").asText()).containsExactly("1.1");
        long ownerId = json(app.get("/api/v1/actions?q=yrkesvux")).get(0).path("ownerId").asLong();
        var byOwner = json(app.get("/api/v1/actions?owner=" + ownerId));
        assertThat(byOwner).extracting(node -> node.path("code").asText()).containsExactly("2.3", "2.4");
    }

    @Test
    void an_action_is_shown_with_its_history() {
        var action = json(app.get("/api/v1/actions/1"));
        assertThat(action.path("code").asText()).isEqualTo("1.1");
        assertThat(action.path("history")).hasSize(1);
        assertThat(action.path("history").get(0).path("by").asText()).isEqualTo("demo");
    }

    @Test
    void creating_an_action_needs_a_token_and_answers_201_with_location() {
        String body = "{\"code\":\"2.9\",\"title\":\"Ny åtgärd för företagsklimat\",\"strategy\":2,"
                + "\"startDate\":\"2026-12-01\",\"deadline\":\"2027-03-31\"}";
        assertThat(app.send("POST", "/api/v1/actions", null, body).statusCode()).isEqualTo(401);
        assertThat(app.send("POST", "/api/v1/actions", "pbt_wrong", body).statusCode()).isEqualTo(401);

        var response = app.send("POST", "/api/v1/actions", token, body);
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/actions/26");
        assertThat(json(response).path("title").asText()).isEqualTo("Ny åtgärd för företagsklimat");
        assertThat(json(response).path("status").asText()).isEqualTo("planned");
    }

    @Test
    void patch_changes_only_given_fields_and_records_who_changed_what() {
        var response = app.send("PATCH", "/api/v1/actions/2", token,
                "{\"deadline\":\"2027-01-29\",\"note\":\"Flyttad efter styrgruppen\",\"notePublic\":true}");
        assertThat(response.statusCode()).isEqualTo(200);
        var history = json(app.get("/api/v1/actions/2")).path("history");
        var last = history.get(history.size() - 1);
        assertThat(last.path("by").asText()).isEqualTo("api:test");
        assertThat(last.path("note").asText()).isEqualTo("Flyttad efter styrgruppen");
        assertThat(last.path("changes")).hasSize(1);
        assertThat(last.path("changes").get(0).path("field").asText()).isEqualTo("deadline");
        assertThat(last.path("changes").get(0).path("to").asText()).isEqualTo("2027-01-29");
    }

    @Test
    void null_in_a_patch_empties_an_optional_field_and_is_refused_for_a_required_one() {
        var cleared = app.send("PATCH", "/api/v1/actions/2", token, "{\"ownerId\":null,\"deadline\":null}");
        assertThat(cleared.statusCode()).isEqualTo(200);
        assertThat(json(cleared).path("ownerId").isNull()).isTrue();
        assertThat(json(cleared).path("deadline").isNull()).isTrue();
        var history = json(app.get("/api/v1/actions/2")).path("history");
        assertThat(history.get(history.size() - 1).path("changes")).extracting(node -> node.path("field").asText())
                .containsExactlyInAnyOrder("owner", "deadline");

        String before = planSnapshot();
        var refused = app.send("PATCH", "/api/v1/actions/2", token, "{\"title\":null}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("errors").get(0).path("message").asText()).contains("kan inte tömmas");
        assertThat(planSnapshot()).isEqualTo(before);
    }

    @Test
    void an_update_writes_status_progress_and_note_as_one_history_entry() {
        var response = app.send("POST", "/api/v1/actions/5/updates", token,
                "{\"status\":\"in_progress\",\"progress\":40,\"note\":\"Första rådsmötet hållet\",\"notePublic\":true}");
        assertThat(response.statusCode()).isEqualTo(201);
        var history = json(app.get("/api/v1/actions/5")).path("history");
        assertThat(history).hasSize(2);
        var entry = history.get(1);
        assertThat(entry.path("note").asText()).isEqualTo("Första rådsmötet hållet");
        assertThat(entry.path("changes")).extracting(node -> node.path("field").asText())
                .containsExactlyInAnyOrder("progress");
    }

    @Test
    void marking_an_action_done_sets_progress_to_100_and_it_is_no_longer_overdue() {
        app.send("POST", "/api/v1/actions/1/updates", token, "{\"status\":\"done\"}");
        var action = json(app.get("/api/v1/actions/1"));
        assertThat(action.path("progress").asInt()).isEqualTo(100);
        assertThat(action.path("overdue").asBoolean()).isFalse();
    }

    @Test
    void done_with_the_unchanged_progress_means_100_as_in_the_slack_modal_and_another_progress_is_refused() {
        int current = json(app.get("/api/v1/actions/2")).path("progress").asInt();
        assertThat(current).isLessThan(100);
        app.send("POST", "/api/v1/actions/2/updates", token, "{\"status\":\"done\",\"progress\":" + current + "}");
        assertThat(json(app.get("/api/v1/actions/2")).path("progress").asInt()).isEqualTo(100);

        int before = json(app.get("/api/v1/actions/3")).path("progress").asInt();
        var refused = app.send("POST", "/api/v1/actions/3/updates", token, "{\"status\":\"done\",\"progress\":95}");
        assertThat(refused.statusCode()).as("done means progress 100 (issue 15 item 27)").isEqualTo(400);
        assertThat(refused.body()).contains("en klar åtgärd har framsteg 100");
        assertThat(json(app.get("/api/v1/actions/3")).path("progress").asInt()).isEqualTo(before);
    }

    @Test
    void invalid_fields_are_each_named_and_nothing_changes() {
        String before = planSnapshot();
        var response = app.send("PATCH", "/api/v1/actions/1", token,
                "{\"strategy\":9,\"startDate\":\"2027-03-01\",\"deadline\":\"2027-01-01\",\"progress\":120}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        var errors = json(response).path("errors");
        assertThat(errors).extracting(node -> node.path("field").asText())
                .containsExactlyInAnyOrder("strategy", "deadline", "progress");
        assertThat(errors.toString()).contains("strategi 9 finns inte", "före start", "inte 120");
        assertThat(planSnapshot()).isEqualTo(before);
    }

    @Test
    void an_unknown_status_word_is_refused_with_the_allowed_codes() {
        var response = app.send("POST", "/api/v1/actions/1/updates", token, "{\"status\":\"klar\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("errors").get(0).path("field").asText()).isEqualTo("status");
        assertThat(json(response).path("errors").get(0).path("message").asText())
                .contains("'klar'", "planned, in_progress, done, cancelled");
    }

    @Test
    void malformed_json_wrong_types_and_unknown_fields_are_400_not_500() {
        var cut = app.send("POST", "/api/v1/actions", token, "{\"code\": ");
        assertThat(cut.statusCode()).isEqualTo(400);
        assertThat(json(cut).path("errors").get(0).path("message").asText())
                .startsWith("ogiltig JSON").contains("rad 1").doesNotContain("Unexpected", "end-of-input");
        var twice = app.send("POST", "/api/v1/actions", token,
                "{\"code\":\"9.1\",\"title\":\"A\",\"strategy\":1,\"title\":\"B\"}");
        assertThat(twice.statusCode()).as("a field given twice is a mistake, not 'the last one wins'").isEqualTo(400);
        assertThat(json(twice).path("errors").get(0).path("message").asText()).contains("'title'", "två gånger");
        assertThat(app.send("POST", "/api/v1/actions", token, "[1,2]").statusCode()).isEqualTo(400);
        var wrongType = app.send("PATCH", "/api/v1/actions/1", token, "{\"progress\":\"mycket\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(json(wrongType).path("errors").get(0).path("field").asText()).isEqualTo("progress");
        var unknown = app.send("PATCH", "/api/v1/actions/1", token, "{\"deadlne\":\"2027-01-01\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).path("errors").get(0).path("field").asText()).isEqualTo("deadlne");
        var badDate = app.send("PATCH", "/api/v1/actions/1", token, "{\"deadline\":\"2026-02-30\"}");
        assertThat(json(badDate).path("errors").get(0).path("message").asText()).contains("'2026-02-30' är inget datum");
    }

    @Test
    void duplicate_codes_and_missing_fields_are_refused() {
        var response = app.send("POST", "/api/v1/actions", token, "{\"code\":\"1.1\",\"strategy\":1}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("errors").toString()).contains("används redan", "titel saknas");
    }

    @Test
    void unknown_ids_are_404_problems() {
        var response = app.get("/api/v1/actions/999");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("detail").asText()).isEqualTo("Åtgärd 999 finns inte");
        assertThat(app.get("/api/v1/actions/abc").statusCode()).isEqualTo(404);
        assertThat(app.send("PATCH", "/api/v1/actions/999", token, "{}").statusCode()).isEqualTo(404);
        var unknownPath = app.get("/api/v1/nothing-here");
        assertThat(unknownPath.statusCode()).isEqualTo(404);
        assertThat(unknownPath.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        var unknownPage = app.get("/ingen-sida");
        assertThat(unknownPage.statusCode()).isEqualTo(404);
        assertThat(unknownPage.body()).contains("<html lang=\"sv\"", "Sidan finns inte");
    }

    @Test
    void bad_query_parameters_are_named() {
        var response = app.get("/api/v1/actions?strategy=två&status=klar&overdue=ja");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("errors")).extracting(node -> node.path("field").asText())
                .containsExactlyInAnyOrder("strategy", "status", "overdue");
    }

    @Test
    void a_title_or_department_with_a_line_break_is_refused_by_the_api_and_the_import() {
        var created = app.send("POST", "/api/v1/actions", token,
                "{\"code\":\"9.1\",\"title\":\"Rad\\r\\nBcc: x@y.se\",\"strategy\":1,\"department\":\"A\\nB\"}");
        assertThat(created.statusCode()).isEqualTo(400);
        assertThat(json(created).path("errors")).extracting(node -> node.path("field").asText())
                .containsExactlyInAnyOrder("title", "department");
        var patched = app.send("PATCH", "/api/v1/actions/1", token, "{\"title\":\"Två\\nrader\"}");
        assertThat(patched.statusCode()).isEqualTo(400);
        var csv = "Kod;Åtgärd;Strategi\n9.2;\"Två\nrader\";1\n";
        var imported = app.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url("/api/v1/import")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)).build());
        assertThat(imported.statusCode()).isEqualTo(400);
        assertThat(imported.body()).contains("Åtgärd: titeln ska vara en rad");
        assertThat(app.get("/api/v1/actions?q=rader").body()).isEqualTo("[]");
    }

    @Test
    void a_body_over_the_size_limit_is_a_swedish_problem_not_plain_english() {
        var huge = app.send("POST", "/api/v1/actions/1/updates", token, "{\"note\":\"" + "x".repeat(2_000_000) + "\"}");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(huge.body()).contains("för stor").doesNotContain("Content Too Large");
    }

    @Test
    void people_are_personal_data_behind_a_token() {
        assertThat(app.get("/api/v1/people").statusCode()).isEqualTo(401);
        var created = app.send("POST", "/api/v1/people", token,
                "{\"name\":\"Åsa Öberg\",\"email\":\"asa.oberg@example.se\",\"slackUserId\":\"U012AB3CD\",\"role\":\"owner\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).path("role").asText()).as("the role reads as it is written").isEqualTo("owner");
        assertThat(app.get("/api/v1/people", token).body()).contains("Åsa Öberg", "asa.oberg@example.se")
                .contains("\"role\":\"owner\"").doesNotContain("\"OWNER\"");
        var duplicate = app.send("POST", "/api/v1/people", token, "{\"name\":\"Annan\",\"email\":\"ASA.OBERG@example.se\"}");
        assertThat(duplicate.statusCode()).isEqualTo(400);
        var bad = app.send("POST", "/api/v1/people", token, "{\"name\":\"\",\"email\":\"inte-en-adress\"}");
        assertThat(json(bad).path("errors")).extracting(node -> node.path("field").asText())
                .containsExactlyInAnyOrder("name", "email");
        var badRole = app.send("POST", "/api/v1/people", token, "{\"name\":\"Per\",\"role\":\"chef\"}");
        assertThat(json(badRole).path("errors").get(0).path("message").asText()).contains("'chef'", "coordinator");
    }
}
