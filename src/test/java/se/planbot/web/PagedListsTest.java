package se.planbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.TestPlanbot;
import se.planbot.plan.ActionDraft;

/** API and public lists a page at a time, over 120 actions 1.1 … 1.120 ("Åtgärd nummer N"). */
class PagedListsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;
    TestPlanbot app;

    @BeforeEach
    void start() {
        app = TestPlanbot.started(folder).withDemo();
        var plan = app.planbot().plan();
        for (int i = 1; i <= 120; i++) {
            plan.createAction(new ActionDraft("9." + i, (i % 10 == 0 ? "Företagsträff " : "Åtgärd nummer ") + i, "",
                    6, null, "", null, null, null, null, null), "test");
        }
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

    private static List<String> codes(JsonNode list) {
        var codes = new ArrayList<String>();
        list.forEach(node -> codes.add(node.path("code").asText()));
        return codes;
    }

    @Test
    void the_api_answers_a_page_of_100_by_default_with_the_total_and_a_link_to_the_next() {
        var response = app.get("/api/v1/actions?strategy=6");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).hasSize(100);
        long demoInSix = app.planbot().plan().inStrategy(6, 0, 1).total() - 120;
        assertThat(response.headers().firstValue("X-Total-Count")).contains(Long.toString(120 + demoInSix));
        assertThat(response.headers().firstValue("Link"))
                .contains("</api/v1/actions?strategy=6&limit=100&offset=100>; rel=\"next\"");
    }

    @Test
    void following_the_links_walks_the_list_in_code_order_once() {
        var seen = new ArrayList<String>();
        String next = "/api/v1/actions?q=atgard+nummer&limit=25";
        int pages = 0;
        while (next != null) {
            var response = app.get(next);
            seen.addAll(codes(json(response)));
            next = response.headers().firstValue("Link")
                    .filter(link -> link.contains("rel=\"next\""))
                    .map(link -> link.replaceAll("^.*<([^>]+)>; rel=\"next\".*$", "$1")).orElse(null);
            pages++;
        }
        assertThat(pages).isEqualTo(5);
        assertThat(seen).hasSize(108).doesNotHaveDuplicates();
        List<String> codes = codes(json(app.get("/api/v1/actions?strategy=6&limit=15&offset=0")));
        assertThat(codes).startsWith("6.1", "6.2", "6.3").contains("9.1", "9.2");
        assertThat(codes.indexOf("9.9")).isLessThan(codes.indexOf("9.10"));
    }

    @Test
    void a_page_past_the_end_is_empty_and_still_says_the_total() {
        var response = app.get("/api/v1/actions?q=foretagstraff&offset=500");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).isEmpty();
        assertThat(response.headers().firstValue("X-Total-Count")).contains("12");
        assertThat(response.headers().firstValue("Link").orElse("")).contains("rel=\"prev\"").doesNotContain("next");
    }

    @Test
    void a_bad_limit_or_offset_is_a_problem_naming_the_field() {
        for (String query : List.of("limit=0", "limit=1001", "limit=abc", "limit=-5", "offset=-1", "offset=1e3")) {
            var response = app.get("/api/v1/actions?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(query).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).as(query).contains(query.substring(0, query.indexOf('=')));
        }
        assertThat(app.get("/api/v1/actions?limit=1001").body()).contains("från 1 till 1 000");
    }

    @Test
    void the_public_plan_shows_50_a_page_with_plain_links_that_keep_the_filters() {
        String first = app.get("/plan?strategy=6").body();
        assertThat(first).contains("Sida 1 av 3", "href=\"/plan?strategy=6&amp;page=2\" rel=\"next\"")
                .doesNotContain("rel=\"prev\"");
        assertThat(first.split("<tr>", -1)).hasSize(1 + 1 + 50);
        String last = app.get("/plan?strategy=6&page=3").body();
        assertThat(last).contains("Sida 3 av 3", "href=\"/plan?strategy=6&amp;page=2\" rel=\"prev\"", "9.120")
                .doesNotContain("rel=\"next\"");
    }

    @Test
    void the_public_plan_searches_with_the_same_index_and_keeps_the_search_in_its_links() {
        String found = app.get("/plan?q=F%C3%B6retagstr%C3%A4ff").body();
        assertThat(found).contains("Företagsträff 10", "Företagsträff 120", "value=\"Företagsträff\"",
                "Visar åtgärd 1–12 av 12").doesNotContain("Åtgärd nummer 11<");
        assertThat(app.get("/plan?q=atgard+nummer").body())
                .contains("href=\"/plan?q=atgard+nummer&amp;page=2\" rel=\"next\"");
    }

    @Test
    void a_public_search_for_a_code_opens_its_action() {
        long id = app.planbot().plan().actionByCode("9.7").orElseThrow().id();
        var response = app.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url("/plan?q=9,7")))
                .GET().build());
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).contains("/plan/actions/" + id);
    }

    @Test
    void a_public_page_past_the_end_or_not_a_number_says_so_and_links_to_the_last_page() {
        var past = app.get("/plan?strategy=6&page=9");
        assertThat(past.statusCode()).isEqualTo(404);
        assertThat(past.body()).contains("Sidan 9 finns inte; listan har 3 sidor.",
                "href=\"/plan?strategy=6&amp;page=3\">Gå till sista sidan");
        var bad = app.get("/plan?page=ett");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Sidnumret ska vara ett heltal från 1.");
    }
}
