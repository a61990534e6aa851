package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.auth.TokenRole;
import se.planbot.web.OpenApiContract;

/**
 * Real answers of a running Planbot (demo plan, real HTTP) against the OpenAPI document it serves:
 * every documented operation is called, and each answer's status, media type and body must be one
 * the document promises: lists, details, creates, updates, and each kind of error (400, 401, 403,
 * 404; 409 only for a proposal already decided: a code already taken is a 400 naming the field).
 */
class ApiAnswersMatchOpenApiTest {

    private static final Map<String, String> JSON_TYPE = Map.of("Content-Type", "application/json");

    @TempDir
    Path folder;
    BusinessFixture app;
    OpenApiContract contract;
    String adminToken;
    final List<String> problems = new ArrayList<>();
    final Set<String> answered = new TreeSet<>();

    @BeforeEach
    void start() {
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"));
        var served = app.get("/api/v1/openapi.json");
        assertThat(served.statusCode()).isEqualTo(200);
        contract = OpenApiContract.of(served.body());
        adminToken = app.planbot.tokens().create("admin", TokenRole.ADMIN);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void every_documented_operation_answers_as_the_document_says() {
        check(app.get("/api/v1/openapi.json"), 200);
        check(app.get("/api/v1/program"), 200);
        check(app.get("/api/v1/strategies"), 200);
        check(app.get("/api/v1/actions"), 200);
        check(app.get("/api/v1/actions?strategy=2&status=in_progress&owner=4&overdue=true&q=praktik"), 200);
        check(app.get("/api/v1/actions/6"), 200);

        var created = check(app.api("POST", "/api/v1/actions", "{\"code\":\"2.9\",\"title\":\"Ny åtgärd\",\"strategy\":2,"
                + "\"ownerId\":4,\"deadline\":\"2027-03-31\",\"note\":\"Från styrgruppen\"}"), 201);
        String action = "/api/v1/actions/" + app.json(created).get("id").asLong();
        check(app.api("PATCH", action, "{\"deadline\":null,\"ownerId\":null,\"department\":\"Näringsliv\"}"), 200);
        check(app.api("POST", action + "/updates", "{\"status\":\"done\",\"note\":\"Klar\"}"), 201);
        check(app.get(action), 200);

        check(app.api("GET", "/api/v1/people", null), 200);
        check(app.api("GET", "/api/v1/people/1", null), 200);
        check(app.api("POST", "/api/v1/people", "{\"name\":\"Eva Nilsson\",\"email\":\"eva@example.se\",\"role\":\"owner\"}"), 201);

        app.subscribeAndConfirm("anna@foretag.se", "Anna", List.of(2));
        long dialog = app.publishDialog("Frukostmöte", "2026-12-10T08:00", "2026-12-10T09:30", 1, "[2]");
        app.submit("/dialogs/" + dialog, "/dialogs/" + dialog + "/register", Map.of("name", "Anna", "company", "Bergs Bygg AB",
                "email", "anna@foretag.se"));
        app.submit("/dialogs/" + dialog, "/dialogs/" + dialog + "/register", Map.of("name", "Bo", "email", "bo@foretag.se"));
        String dialogPath = "/api/v1/dialogs/" + dialog;
        check(app.api("GET", "/api/v1/dialogs", null), 200);
        var draft = check(app.api("POST", "/api/v1/dialogs", "{\"title\":\"Workshop: handel i centrum\",\"theme\":\"Attraktiv plats\","
                + "\"start\":\"2026-12-17T13:00\",\"end\":\"2026-12-17T15:30\",\"place\":\"Stadshuset, sal 1\","
                + "\"onlineUrl\":\"https://meet.example.se/handel\",\"capacity\":25,\"strategies\":[4]}"), 201);
        check(app.api("POST", "/api/v1/dialogs/" + app.json(draft).get("id").asLong() + "/publish", null), 200);
        check(app.api("GET", dialogPath, null), 200);
        check(app.api("PATCH", dialogPath, "{\"start\":\"2026-12-11T08:00\",\"end\":\"2026-12-11T09:30\"}"), 200);
        var registrations = check(app.api("GET", dialogPath + "/registrations", null), 200);
        assertThat(app.json(registrations)).as("a registered and a waiting sign-up").hasSize(2);
        check(app.api("GET", dialogPath + "/registrations.csv", null), 200);
        check(app.api("POST", dialogPath + "/cancel", null), 200);

        var proposal = check(app.api("POST", "/api/v1/proposals", "{\"title\":\"Gemensam rekryteringsmässa\","
                + "\"origin\":\"meeting\",\"strategy\":2,\"name\":\"Eva Ek\",\"company\":\"Ek AB\","
                + "\"email\":\"anna@foretag.se\",\"showName\":true,\"consent\":true}"), 201);
        String proposalPath = "/api/v1/proposals/" + app.json(proposal).get("id").asLong();
        check(app.api("GET", "/api/v1/proposals?state=received&year=2026", null), 200);
        check(app.api("PATCH", proposalPath, "{\"state\":\"under_review\",\"note\":\"Arbetsgruppen tittar i januari\"}"), 200);
        check(app.api("POST", proposalPath + "/decision", "{\"decision\":\"accepted\",\"answer\":\"Blir en åtgärd\","
                + "\"newAction\":{\"ownerId\":4,\"deadline\":\"2027-06-30\"}}"), 200);
        check(app.api("GET", proposalPath, null), 200);

        var export = check(app.api("POST", "/api/v1/subscribers/export", "{\"email\":\"anna@foretag.se\"}"), 200);
        assertThat(app.json(export).get("subscription").isObject()).isTrue();
        check(asAdmin("POST", "/api/v1/subscribers/erase", "{\"email\":\"anna@foretag.se\"}"), 200);

        app.planbot.remind(false);
        var sent = check(app.api("GET", "/api/v1/outbox?status=sent", null), 200);
        assertThat(app.json(sent)).as("the reminders just sent").isNotEmpty();
        check(app.api("GET", "/api/v1/outbox", null), 200);
        check(asAdmin("POST", "/api/v1/outbox/" + app.json(sent).get(0).get("id").asLong() + "/retry", null), 400);

        var sheet = check(app.api("GET", "/api/v1/export.csv", null), 200);
        check(app.send(request("POST", "/api/v1/import").header("Authorization", "Bearer " + app.token)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(sheet.body())).build()), 200);
        check(app.api("GET", "/api/v1/export.xlsx", null), 200);

        check(app.get("/api/v1/indicators"), 200);
        check(app.get("/api/v1/indicators/2"), 200);
        var indicator = check(app.api("POST", "/api/v1/indicators", "{\"name\":\"Konkurser\",\"unit\":\"per 1 000 inv.\","
                + "\"direction\":\"lower\",\"source\":\"kolada\",\"koladaKpi\":\"N00926\",\"baselineYear\":2021,"
                + "\"baselineValue\":0.4,\"targetYear\":2035,\"targetValue\":0.3}"), 201);
        String indicatorPath = "/api/v1/indicators/" + app.json(indicator).get("id").asLong();
        check(app.api("PATCH", indicatorPath, "{\"strategy\":5,\"koladaMunicipality\":null}"), 200);
        check(app.api("PUT", indicatorPath + "/values/2024", "{\"value\":0.35,\"note\":\"Preliminärt\"}"), 200);
        check(app.get(indicatorPath), 200);

        assertThat(problems).isEmpty();
        assertThat(answered).containsAll(documentedOperations());
    }

    @Test
    void each_kind_of_error_is_the_documented_problem() {
        check(app.api("POST", "/api/v1/actions", "{\"code\":\"\",\"strategy\":\"två\",\"colour\":1}"), 400);
        check(app.api("PATCH", "/api/v1/actions/6", "{\"title\":null,\"deadline\":\"2027-02-30\"}"), 400);
        check(app.get("/api/v1/actions?status=klar&overdue=ja"), 400);
        check(app.api("POST", "/api/v1/dialogs", "{\"title\":\"\",\"start\":\"2026-12-18T15:00\",\"end\":\"2026-12-18T13:00\"}"), 400);
        check(app.api("POST", "/api/v1/people", "{\"name\":\"Eva\",\"role\":\"chef\"}"), 400);
        check(asAdmin("POST", "/api/v1/subscribers/erase", "[]"), 400);
        check(app.api("GET", "/api/v1/outbox?status=lost", null), 400);
        check(app.api("POST", "/api/v1/import", ""), 400);
        check(app.api("POST", "/api/v1/indicators", "{\"name\":\"Jobb\",\"baselineYear\":2021,\"baselineValue\":1,"
                + "\"targetYear\":2019,\"targetValue\":2}"), 400);
        check(app.api("PUT", "/api/v1/indicators/1/values/20x4", "{\"value\":1}"), 400);
        check(app.api("PUT", "/api/v1/indicators/1/values/2024", "{\"value\":\"mycket\"}"), 400);
        check(app.get("/api/v1/indicators/999"), 404);
        check(app.api("PUT", "/api/v1/indicators/999/values/2024", "{\"value\":1}"), 404);
        check(app.api("POST", "/api/v1/proposals", "{\"title\":\"\",\"description\":\"" + "x".repeat(10_000) + "\"}"), 400);
        check(app.api("POST", "/api/v1/proposals", "{\"title\":\"Idé\",\"dialogId\":999}"), 400);
        check(app.api("GET", "/api/v1/proposals?state=klar", null), 400);
        check(app.api("POST", "/api/v1/proposals/2/decision", "{\"decision\":\"rejected\"}"), 409);
        check(app.api("PATCH", "/api/v1/proposals/1", "{\"title\":\"Ny rubrik\"}"), 409);

        check(app.send(request("POST", "/api/v1/actions").POST(HttpRequest.BodyPublishers.ofString("{}")).build()), 401);
        check(app.send(request("GET", "/api/v1/people").header("Authorization", "Bearer pbt_revoked").build()), 401);
        check(app.send(request("GET", "/api/v1/export.csv").header("Authorization", "Basic YWRtaW46YWRtaW4=").build()), 401);

        check(app.get("/api/v1/actions/999"), 404);
        check(app.get("/api/v1/actions/sex"), 404);
        check(app.api("GET", "/api/v1/people/999", null), 404);
        check(app.api("PATCH", "/api/v1/dialogs/999", "{\"title\":\"x\"}"), 404);
        check(asAdmin("POST", "/api/v1/outbox/999/retry", null), 404);
        check(app.api("GET", "/api/v1/proposals/999", null), 404);
        check(app.api("POST", "/api/v1/proposals/999/decision", "{\"decision\":\"rejected\",\"answer\":\"Nej\"}"), 404);

        check(app.api("POST", "/api/v1/subscribers/erase", "{\"email\":\"anna@foretag.se\"}"), 403);
        check(app.api("POST", "/api/v1/outbox/1/retry", null), 403);

        assertThat(problems).isEmpty();
    }

    @Test
    void an_answer_the_document_does_not_promise_is_caught() {
        // The checker itself must be able to fail: a field the schema lacks, a wrong type, an undocumented status.
        String action = app.get("/api/v1/actions/6").body();
        assertThat(contract.problems("get", "/api/v1/actions/6", 200, JSON_TYPE,
                action.replace("\"progress\":80", "\"progress\":\"80\""))).isNotEmpty();
        assertThat(contract.problems("get", "/api/v1/actions/6", 200, JSON_TYPE,
                action.replaceFirst("\\{", "{\"priority\":1,"))).isNotEmpty();
        assertThat(contract.problems("get", "/api/v1/actions/6", 200, JSON_TYPE,
                action.replaceFirst("\"deadline\":\"[^\"]+\"", "\"deadline\":\"29/11/2026\""))).isNotEmpty();
        assertThat(contract.problems("get", "/api/v1/program", 404, Map.of("Content-Type", "application/problem+json"), "{}")).isNotEmpty();
        assertThat(contract.problems("get", "/api/v1/strategies", 200, Map.of("Content-Type", "text/html"), "<p>")).isNotEmpty();
        assertThat(contract.problems("delete", "/api/v1/actions/6", 200, JSON_TYPE, "{}")).isNotEmpty();
        assertThat(contract.problems("post", "/api/v1/people", 201, JSON_TYPE, app.api("GET", "/api/v1/people/1", null).body()))
                .containsExactly("POST /api/v1/people → 201: no Location header, which the document says is always there");
    }

    private HttpResponse<String> check(HttpResponse<String> response, int expectedStatus) {
        String request = response.request().method() + " " + response.request().uri().getPath();
        assertThat(response.statusCode()).as(request + ": " + response.body()).isEqualTo(expectedStatus);
        problems.addAll(contract.problems(response));
        contract.template(response.request().uri().getPath()).ifPresent(template ->
                answered.add(response.request().method() + " " + template));
        return response;
    }

    /** With an admin token: erasure and outbox retry take no coordinator token. */
    private HttpResponse<String> asAdmin(String method, String path, String body) {
        return app.send(request(method, path).header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private HttpRequest.Builder request(String method, String path) {
        return HttpRequest.newBuilder(URI.create(app.base + path)).method(method, HttpRequest.BodyPublishers.noBody());
    }

    private List<String> documentedOperations() {
        var operations = new ArrayList<String>();
        var paths = contract.document().get("paths");
        for (Iterator<String> templates = paths.fieldNames(); templates.hasNext(); ) {
            String template = templates.next();
            paths.get(template).fieldNames().forEachRemaining(method -> {
                if (!method.equals("parameters")) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + template);
                }
            });
        }
        return operations;
    }
}
