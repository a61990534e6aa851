package se.planbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** With {@code locale=en} every Slack answer is English; Swedish command words still work. */
class EnglishAnswersTest extends SlackTestSupport {

    @Override
    Map<String, String> settings() {
        var settings = super.settings();
        settings.put("locale", "en");
        return settings;
    }

    @Test
    void answers_are_in_english() throws Exception {
        assertThat(texts(json(command("help", "U0ANNA").body()))).contains("Planbot answers questions about the action plan",
                "`/plan overdue`");
        assertThat(texts(json(command("försenade", "U0ANNA").body()))).contains("Overdue actions", "In progress",
                "overdue by 11 days", "Update", "Share in channel");
        assertThat(texts(json(command("mine", "U0STRANGER").body()))).contains("is not linked to anyone in the plan");
    }

    @Test
    void the_update_modal_and_its_errors_are_in_english() throws Exception {
        long action = planbot.plan().actionByCode("1.1").orElseThrow().id();
        interactive(buttonPayload("U0ANNA", BlockKitAnswer.UPDATE + "_" + action, Long.toString(action), true));
        var view = json(slackApi.calls("views.open").get(0).form().get("view"));
        assertThat(texts(view)).contains("Update action", "Progress in percent (0–100)", "Save");
        var errors = json(interactive(UpdateFlowTest.submission("U0DAN", action, "done", "100", "")).body());
        assertThat(errors.get("errors").get("status").asText()).contains("only the action's owner (Anna Andersson)");
    }
}
