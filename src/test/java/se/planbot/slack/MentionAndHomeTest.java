package se.planbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MentionAndHomeTest extends SlackTestSupport {

    private static String mention(String text, String ts) {
        return "{\"type\":\"app_mention\",\"user\":\"U0ANNA\",\"text\":" + quote(text) + ",\"ts\":\"" + ts
                + "\",\"channel\":\"C0PLAN\",\"event_ts\":\"" + ts + "\"}";
    }

    @Test
    void a_mention_is_answered_in_its_thread_by_the_same_engine() throws Exception {
        var response = event("Ev0MENTION1", mention("<@U0BOT> hur går det med åtgärd 1.1?", "1764576000.000100"), Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        var posted = slackApi.await(call -> call.method().equals("chat.postMessage"), 1);
        assertThat(posted).hasSize(1);
        var form = posted.get(0).form();
        assertThat(form.get("channel")).isEqualTo("C0PLAN");
        assertThat(form.get("thread_ts")).isEqualTo("1764576000.000100");
        assertThat(posted.get(0).authorization()).isEqualTo("Bearer xoxb-fake");
        assertThat(texts(json(form.get("blocks")))).contains("1.1 Företagslotsen", "Pågår", "40 %");
    }

    @Test
    void a_retried_event_with_the_same_id_is_not_answered_twice() throws Exception {
        String event = mention("<@U0BOT> försenade", "1764576000.000200");
        assertThat(event("Ev0RETRY", event, Map.of()).statusCode()).isEqualTo(200);
        slackApi.await(call -> call.method().equals("chat.postMessage"), 1);
        var retry = event("Ev0RETRY", event, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"),
                timestamp() + 3);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(event("Ev0OTHER", mention("<@U0BOT> hjälp", "1764576000.000300"), Map.of()).statusCode()).isEqualTo(200);
        var posted = slackApi.await(call -> call.method().equals("chat.postMessage"), 2);
        assertThat(posted).hasSize(2);
        assertThat(posted).filteredOn(call -> "1764576000.000200".equals(call.form().get("thread_ts"))).hasSize(1);
    }

    @Test
    void opening_the_home_tab_publishes_the_users_actions_and_what_is_overdue() throws Exception {
        var home = "{\"type\":\"app_home_opened\",\"user\":\"U0ANNA\",\"channel\":\"D0ANNA\",\"tab\":\"home\","
                + "\"event_ts\":\"1764576000.000400\"}";
        assertThat(event("Ev0HOME", home, Map.of()).statusCode()).isEqualTo(200);
        var published = slackApi.await(call -> call.method().equals("views.publish"), 1);
        assertThat(published).hasSize(1);
        assertThat(published.get(0).form().get("user_id")).isEqualTo("U0ANNA");
        var view = json(published.get(0).form().get("view"));
        assertThat(view.get("type").asText()).isEqualTo("home");
        assertThat(view.get("blocks").size()).isLessThanOrEqualTo(100);
        assertThat(texts(view)).contains("Mina åtgärder i planen", "Försenade (1)", "1.1 Företagslotsen",
                "försenad med 11 dagar", "Alla mina åtgärder (41)", "… och 21 till.");
    }

    @Test
    void the_home_tab_of_an_unlinked_user_says_how_to_get_linked() throws Exception {
        var home = "{\"type\":\"app_home_opened\",\"user\":\"U0NOBODY\",\"channel\":\"D0X\",\"tab\":\"home\","
                + "\"event_ts\":\"1764576000.000500\"}";
        event("Ev0HOME2", home, Map.of());
        var view = json(slackApi.await(call -> call.method().equals("views.publish"), 1).get(0).form().get("view"));
        assertThat(texts(view)).contains("inte kopplat till någon person i planen");
    }
}
