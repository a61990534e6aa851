package se.planbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.planbot.plan.ActionStatus;

class UpdateFlowTest extends SlackTestSupport {

    static String submission(String user, long actionId, String status, String progress, String note) {
        String metadata = "{\"actionId\":" + actionId + ",\"responseUrl\":\"\"}";
        return "{\"type\":\"view_submission\",\"team\":{\"id\":\"T0TEST\",\"domain\":\"planbot-test\"},"
                + "\"user\":{\"id\":\"" + user + "\",\"username\":\"u\",\"team_id\":\"T0TEST\"},"
                + "\"api_app_id\":\"A0PLAN\",\"token\":\"legacy\",\"trigger_id\":\"trigger-2\","
                + "\"view\":{\"id\":\"V0VIEW\",\"team_id\":\"T0TEST\",\"type\":\"modal\",\"callback_id\":\""
                + UpdateModal.CALLBACK + "\",\"private_metadata\":" + quote(metadata) + ",\"state\":{\"values\":{"
                + "\"status\":{\"status\":{\"type\":\"static_select\",\"selected_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"x\"},\"value\":\"" + status + "\"}}},"
                + "\"progress\":{\"progress\":{\"type\":\"plain_text_input\",\"value\":" + quote(progress) + "}},"
                + "\"note\":{\"note\":{\"type\":\"plain_text_input\",\"value\":" + (note == null ? "null" : quote(note)) + "}}"
                + "}}}}";
    }

    private long id(String code) {
        return planbot.plan().actionByCode(code).orElseThrow().id();
    }

    @Test
    void the_owner_clicking_uppdatera_gets_the_modal_with_status_progress_and_note() throws Exception {
        var response = interactive(buttonPayload("U0ANNA", BlockKitAnswer.UPDATE + "_" + id("1.1"), Long.toString(id("1.1")), true));
        assertThat(response.statusCode()).isEqualTo(200);
        var opened = slackApi.calls("views.open");
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).form().get("trigger_id")).isEqualTo("trigger-1");
        var view = json(opened.get(0).form().get("view"));
        assertThat(view.get("callback_id").asText()).isEqualTo(UpdateModal.CALLBACK);
        assertThat(view.get("private_metadata").asText()).contains("\"actionId\":" + id("1.1"));
        assertThat(texts(view)).contains("Uppdatera åtgärd", "1.1 Företagslotsen", "Framsteg i procent", "Anteckning");
        assertThat(view.toString()).contains("\"initial_value\":\"40\"");
    }

    @Test
    void a_valid_submission_writes_one_history_entry_attributed_to_the_slack_user() throws Exception {
        long action = id("1.1");
        int before = planbot.plan().history(action).size();
        var response = interactive(submission("U0ANNA", action, "in_progress", "60", "Möte hållet med åkerier i Sävedalen"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("errors");
        var history = planbot.plan().history(action);
        assertThat(history).hasSize(before + 1);
        var entry = history.get(history.size() - 1);
        assertThat(entry.actor()).isEqualTo("Anna Andersson (Slack U0ANNA)");
        assertThat(entry.note()).isEqualTo("Möte hållet med åkerier i Sävedalen");
        assertThat(planbot.plan().action(action).orElseThrow().progress()).isEqualTo(60);
        slackApi.await(call -> call.method().equals("views.publish"), 1);
    }

    @Test
    void the_modal_says_the_note_is_internal_and_a_ticked_box_makes_it_public() throws Exception {
        interactive(buttonPayload("U0ANNA", BlockKitAnswer.UPDATE + "_" + id("1.1"), Long.toString(id("1.1")), true));
        var view = json(slackApi.calls("views.open").get(0).form().get("view"));
        assertThat(texts(view)).contains("Synlighet", "Visa anteckningen även på den publika webbplatsen",
                "Anteckningen är intern");

        long action = id("1.1");
        interactive(submission("U0ANNA", action, "in_progress", "40", "Ring Per på 070-123 45 67"));
        var internal = planbot.plan().history(action);
        assertThat(internal.get(internal.size() - 1).notePublic()).as("unticked: internal").isFalse();

        String plain = submission("U0ANNA", action, "in_progress", "50", "Första mötet hållet");
        String ticked = plain.substring(0, plain.length() - 4)
                + ",\"note_public\":{\"note_public\":{\"type\":\"checkboxes\",\"selected_options\":[{\"text\":"
                + "{\"type\":\"plain_text\",\"text\":\"x\"},\"value\":\"public\"}]}}}}}}";
        assertThat(interactive(ticked).body()).doesNotContain("errors");
        var history = planbot.plan().history(action);
        assertThat(history.get(history.size() - 1).notePublic()).isTrue();
        assertThat(history.get(history.size() - 1).note()).isEqualTo("Första mötet hållet");
    }

    @Test
    void a_non_owner_clicking_uppdatera_gets_a_polite_refusal_instead_of_the_form() throws Exception {
        long action = id("1.1");
        interactive(buttonPayload("U0DAN", BlockKitAnswer.UPDATE + "_" + action, Long.toString(action), true));
        var view = json(slackApi.calls("views.open").get(0).form().get("view"));
        assertThat(view.has("submit")).isFalse();
        assertThat(texts(view)).contains("Inte behörig", "bara åtgärdens ansvarige (Anna Andersson) eller en koordinator",
                "Inget har ändrats");
    }

    @Test
    void a_non_owner_submission_is_refused_inline_and_nothing_changes() throws Exception {
        long action = id("1.1");
        int before = planbot.plan().history(action).size();
        var response = interactive(submission("U0DAN", action, "done", "100", "Jag tar den"));
        var answer = json(response.body());
        assertThat(answer.get("response_action").asText()).isEqualTo("errors");
        assertThat(answer.get("errors").get("status").asText()).contains("bara åtgärdens ansvarige");
        assertThat(planbot.plan().history(action)).hasSize(before);
        assertThat(planbot.plan().action(action).orElseThrow().status()).isEqualTo(ActionStatus.IN_PROGRESS);
    }

    @Test
    void a_slack_user_not_in_the_people_table_is_refused_and_nothing_changes() throws Exception {
        long action = id("1.1");
        int before = planbot.plan().history(action).size();
        var answer = json(interactive(submission("U0STRANGER", action, "done", "100", "")).body());
        assertThat(answer.get("errors").get("status").asText()).contains("inte kopplat till någon person");
        assertThat(planbot.plan().history(action)).hasSize(before);
    }

    @Test
    void the_coordinator_may_update_any_action() throws Exception {
        long action = id("2.1");
        var response = interactive(submission("U0CECI", action, "done", "100", ""));
        assertThat(response.body()).doesNotContain("errors");
        var history = planbot.plan().history(action);
        assertThat(history.get(history.size() - 1).actor()).isEqualTo("Cecilia Coordinator (Slack U0CECI)");
        assertThat(planbot.plan().action(action).orElseThrow().status()).isEqualTo(ActionStatus.DONE);
    }

    @Test
    void marking_an_action_done_without_touching_progress_sets_it_to_100() throws Exception {
        long action = id("1.1");
        interactive(submission("U0ANNA", action, "done", "40", "Klart"));
        assertThat(planbot.plan().action(action).orElseThrow().progress()).isEqualTo(100);
    }

    @Test
    void a_progress_outside_0_to_100_is_shown_inline_in_the_modal_and_nothing_changes() throws Exception {
        long action = id("1.1");
        int before = planbot.plan().history(action).size();
        var answer = json(interactive(submission("U0ANNA", action, "in_progress", "120", "")).body());
        assertThat(answer.get("response_action").asText()).isEqualTo("errors");
        assertThat(answer.get("errors").get("progress").asText()).isEqualTo("Ange ett heltal 0–100, t.ex. 40.");
        var words = json(interactive(submission("U0ANNA", action, "in_progress", "mycket", "")).body());
        assertThat(words.get("errors").get("progress").asText()).contains("heltal");
        assertThat(planbot.plan().history(action)).hasSize(before);
    }

    @Test
    void a_submission_that_changes_nothing_asks_for_a_change_or_a_note() throws Exception {
        long action = id("1.1");
        var answer = json(interactive(submission("U0ANNA", action, "in_progress", "40", "  ")).body());
        assertThat(answer.get("errors").get("note").asText()).isEqualTo("Ändra status eller framsteg, eller skriv en anteckning.");
    }
}
