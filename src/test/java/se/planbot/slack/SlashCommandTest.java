package se.planbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlashCommandTest extends SlackTestSupport {

    private JsonNode ask(String text, String user) throws Exception {
        var response = command(text, user);
        assertThat(response.statusCode()).isEqualTo(200);
        var answer = json(response.body());
        assertThat(answer.get("response_type").asText()).isEqualTo("ephemeral");
        assertWithinBlockKitLimits(answer);
        return answer;
    }

    static void assertWithinBlockKitLimits(JsonNode message) {
        JsonNode blocks = message.get("blocks");
        assertThat(blocks.size()).isBetween(1, 50);
        for (JsonNode block : blocks) {
            if (block.has("text")) {
                assertThat(block.get("text").get("text").asText().length()).isLessThanOrEqualTo(3000);
            }
            if (block.get("type").asText().equals("header")) {
                assertThat(block.get("text").get("text").asText().length()).isLessThanOrEqualTo(150);
            }
        }
    }

    private static List<String> buttons(JsonNode message) {
        var ids = new ArrayList<String>();
        message.findValues("action_id").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    @Test
    void empty_text_hjalp_and_help_answer_with_the_examples() throws Exception {
        for (String text : List.of("", "hjälp", "help")) {
            String answer = texts(ask(text, "U0ANNA"));
            assertThat(answer).contains("Planbot svarar på frågor om åtgärdsplanen", "`/plan 12` eller `/plan 2.3`",
                    "`/plan försenade`", "`/plan kommande 30`", "`/plan strategi 2`", "`/plan dialoger`");
        }
    }

    @Test
    void a_code_answers_status_progress_owner_deadline_overdue_and_last_update() throws Exception {
        var answer = ask("1.1", "U0BERTIL");
        assertThat(texts(answer)).contains("1.1 Företagslotsen: en väg in", "Pågår", "40 %", "Anna Andersson",
                "2026-11-20 (försenad med 11 dagar)", "Senast uppdaterad", "av test");
        long id = planbot.plan().actionByCode("1.1").orElseThrow().id();
        assertThat(buttons(answer)).contains(BlockKitAnswer.UPDATE + "_" + id, BlockKitAnswer.SHARE);
    }

    @Test
    void an_id_answers_the_same_action_as_its_code() throws Exception {
        long id = planbot.plan().actionByCode("2.1").orElseThrow().id();
        assertThat(texts(ask(Long.toString(id), "U0ANNA"))).contains("2.1 Turism i centrum", "Bertil Björk");
    }

    @Test
    void an_unknown_number_says_so_and_how_to_search() throws Exception {
        assertThat(texts(ask("999", "U0ANNA"))).contains("Hittar ingen åtgärd med nummer eller kod ”999”", "`/plan turism`");
    }

    @Test
    void search_ignores_diacritics_and_puts_the_best_match_first() throws Exception {
        var answer = ask("atgard", "U0ANNA");
        String text = texts(answer);
        assertThat(text).contains("Sökträffar för ”atgard”");
        assertThat(text.indexOf("1.2 Åtgärd för bättre bemötande")).isPositive()
                .isLessThan(text.indexOf("2.1 Turism i centrum"));
    }

    @Test
    void mina_lists_the_askers_own_actions_by_slack_user_id() throws Exception {
        String answer = texts(ask("mina", "U0BERTIL"));
        assertThat(answer).contains("Dina åtgärder", "1.2 Åtgärd för bättre bemötande", "2.1 Turism i centrum")
                .doesNotContain("1.1 Företagslotsen");
        assertThat(texts(ask("mine", "U0STRANGER"))).contains("Ditt Slack-konto (U0STRANGER) är inte kopplat");
    }

    @Test
    void forsenade_and_overdue_list_what_is_past_its_deadline() throws Exception {
        for (String word : List.of("försenade", "overdue")) {
            String answer = texts(ask(word, "U0ANNA"));
            assertThat(answer).contains("Försenade åtgärder", "1.1 Företagslotsen", "försenad med 11 dagar")
                    .doesNotContain("2.1 Turism");
        }
    }

    @Test
    void kommande_takes_a_number_of_days_and_refuses_nonsense() throws Exception {
        assertThat(texts(ask("kommande 10", "U0ANNA"))).contains("Deadline inom 10 dagar", "1.2 Åtgärd för bättre bemötande")
                .doesNotContain("1.1 Företagslotsen");
        assertThat(texts(ask("upcoming", "U0ANNA"))).contains("Deadline inom 30 dagar");
        assertThat(texts(ask("kommande 9999", "U0ANNA"))).contains("Antal dagar ska vara ett heltal 1–365");
    }

    @Test
    void a_long_list_is_cut_with_a_count_and_a_show_more_button() throws Exception {
        var answer = ask("strategi 3", "U0ANNA");
        String text = texts(answer);
        assertThat(text).contains("Strategi 3: Mark och lokaler", "Visar 1–15 av 40.");
        assertThat(answer.get("blocks").size()).isLessThanOrEqualTo(50);
        JsonNode more = answer.findParents("action_id").stream()
                .filter(node -> node.get("action_id").asText().equals(BlockKitAnswer.MORE)).findFirst().orElseThrow();
        assertThat(more.get("value").asText()).isEqualTo("strategi 3 sida 2");

        var clicked = interactive(buttonPayload("U0ANNA", BlockKitAnswer.MORE, "strategi 3 sida 2", true));
        assertThat(clicked.statusCode()).isEqualTo(200);
        var page = json(slackApi.await(call -> call.path().equals("/response/button"), 1).get(0).body());
        assertThat(page.get("replace_original").asBoolean()).isTrue();
        assertThat(texts(page)).contains("Visar 16–30 av 40.");
        assertWithinBlockKitLimits(page);
    }

    @Test
    void strategi_without_or_with_an_unknown_number_lists_the_strategies() throws Exception {
        assertThat(texts(ask("strategi", "U0ANNA"))).contains("Ange strategins nummer", "1 Service och bemötande");
        assertThat(texts(ask("strategy 9", "U0ANNA"))).contains("Strategi 9 finns inte");
    }

    @Test
    void dialoger_says_honestly_that_there_are_no_upcoming_dialogs() throws Exception {
        assertThat(texts(ask("dialoger", "U0ANNA"))).contains("Kommande dialoger", "Inga kommande dialoger.");
    }

    @Test
    void unknown_input_gets_the_help_and_the_closest_command() throws Exception {
        String answer = texts(ask("forsnade", "U0ANNA"));
        assertThat(answer).contains("Jag förstod inte ”forsnade”", "Menade du `/plan försenade`?",
                "Planbot svarar på frågor om åtgärdsplanen");
    }

    @Test
    void the_share_button_posts_the_answer_in_the_channel() throws Exception {
        var clicked = interactive(buttonPayload("U0ANNA", BlockKitAnswer.SHARE, "1.1", true));
        assertThat(clicked.statusCode()).isEqualTo(200);
        var shared = json(slackApi.await(call -> call.path().equals("/response/button"), 1).get(0).body());
        assertThat(shared.get("response_type").asText()).isEqualTo("in_channel");
        assertThat(texts(shared)).contains("1.1 Företagslotsen", "Delat av <@U0ANNA>");
        assertThat(buttons(shared)).doesNotContain(BlockKitAnswer.SHARE);
    }

    @Test
    void titles_with_slack_markup_characters_are_escaped() throws Exception {
        planbot.plan().patchAction(planbot.plan().actionByCode("2.1").orElseThrow().id(),
                new se.planbot.plan.ActionDraft(null, "Turism <i> centrum & <!channel>", null, null, null, null, null,
                        null, null, null, null), "test", "test");
        String answer = ask("turism", "U0ANNA").toString();
        assertThat(answer).contains("Turism &lt;i&gt; centrum &amp; &lt;!channel&gt;").doesNotContain("<!channel>");
    }
}
