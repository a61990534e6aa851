package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.plan.ActionFilter;

/** The public's pages about the plan: progress per strategy, the filtered plan, each action's history. */
class PublicPagesTest {

    @TempDir
    Path folder;
    BusinessFixture app;

    @BeforeEach
    void start() {
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private static long rows(String html) {
        return Pattern.compile("<a href=\"/plan/actions/\\d+").matcher(html).results().count();
    }

    @Test
    void the_overview_shows_each_strategys_progress() {
        var page = app.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        for (var strategy : app.planbot.plan().strategies()) {
            assertThat(page.body()).contains(strategy.id() + ". " + strategy.title());
        }
        assertThat(page.body()).contains("Genomsnittligt framsteg").contains("<progress max=\"100\"");
    }

    @Test
    void the_action_plan_filters_by_strategy_status_and_overdue() {
        int all = app.planbot.plan().actions(ActionFilter.all()).size();
        int overdue = app.planbot.plan().actions(ActionFilter.overdue()).size();
        assertThat(rows(app.get("/plan").body())).isEqualTo(all);
        var late = app.get("/plan?overdue=true").body();
        assertThat(rows(late)).isEqualTo(overdue).isPositive();
        assertThat(late).contains("(Försenad)").contains("checked");
        var second = app.get("/plan?strategy=2").body();
        assertThat(rows(second)).isEqualTo(app.planbot.plan().actions(
                new ActionFilter(2, null, null, false, null)).size());
        assertThat(app.get("/plan?status=done").body()).contains(">Klar</td>").doesNotContain(">Pågår</td>");
        // Unknown filter values say so (issue 15 item 23) instead of quietly listing everything.
        var unknown = app.get("/plan?strategy=abc&status=nonsense");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("ingen strategi ”abc”", "ingen status ”nonsense”");
        assertThat(rows(unknown.body())).isZero();
    }

    @Test
    void an_action_page_shows_its_history_in_words() {
        var action = app.planbot.plan().actions(ActionFilter.all()).get(0);
        app.api("POST", "/api/v1/actions/" + action.id() + "/updates",
                "{\"status\":\"in_progress\",\"progress\":45,\"note\":\"Första mötet <hållet>\",\"notePublic\":true}");
        var page = app.get("/plan/actions/" + action.id());
        assertThat(page.body()).contains(action.title()).contains("Historik")
                .contains("Framsteg: från " + action.progress() + " % till 45 %")
                .contains("Första mötet &lt;hållet&gt;");
        assertThat(app.get("/plan/actions/999999").statusCode()).isEqualTo(404);
        assertThat(app.get("/plan/actions/abc").statusCode()).isEqualTo(404);
    }
}
