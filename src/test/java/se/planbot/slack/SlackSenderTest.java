package se.planbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.planbot.outbox.Channel;
import se.planbot.outbox.QueuedMessage;
import se.planbot.outbox.SendFailure;

class SlackSenderTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    private FakeSlackApi slackApi;
    private Slack slack;
    private SlackSender sender;

    @BeforeEach
    void start() throws Exception {
        slackApi = new FakeSlackApi();
        var config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slackApi.apiUrl());
        config.setStatsEnabled(false);
        slack = Slack.getInstance(config);
        sender = new SlackSender(slack.methods("xoxb-fake"), Duration.ofMillis(300));
    }

    @AfterEach
    void stop() throws Exception {
        sender.close();
        slack.close();
        slackApi.close();
    }

    static Map<String, Object> item(long id, String code, String title, boolean overdue, int days) {
        return Map.of("actionId", id, "code", code, "title", title, "deadline", "2026-12-08",
                "daysLeft", overdue ? 0 : days, "overdue", overdue, "daysOverdue", overdue ? days : 0,
                "status", "in_progress", "progress", 30, "url", "http://localhost:7070/plan#" + code);
    }

    private static QueuedMessage message(long id, String recipient, String template, Map<String, Object> model, Locale locale) {
        return new QueuedMessage(id, template + ":" + id, Channel.SLACK, recipient, "", template, model, locale, 0,
                Instant.parse("2026-12-01T07:00:00Z"));
    }

    private static QueuedMessage reminder(long id, String recipient) {
        return message(id, recipient, "reminder", Map.of("personName", "Anna Andersson", "date", "2026-12-01",
                "items", List.of(item(12, "2.3", "Yrkesvux inom industri & logistik", false, 7))), SWEDISH);
    }

    @Test
    void a_reminder_goes_as_a_direct_message_in_swedish_with_an_update_button() throws Exception {
        sender.send(reminder(1, "U0ANNA"));
        var posted = slackApi.calls("chat.postMessage");
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0).form().get("channel")).isEqualTo("U0ANNA");
        assertThat(posted.get(0).authorization()).isEqualTo("Bearer xoxb-fake");
        var blocks = SlackTestSupport.json(posted.get(0).form().get("blocks"));
        assertThat(SlackTestSupport.texts(blocks)).contains("Påminnelse om deadlines", "Hej Anna!",
                "<http://localhost:7070/plan#2.3|2.3 Yrkesvux inom industri &amp; logistik>", "Pågår · 30 %",
                "deadline 2026-12-08", "7 dagar kvar", "Uppdatera");
        assertThat(blocks.toString()).contains("\"action_id\":\"plan_update_12\"");
    }

    @Test
    void a_429_asks_for_a_retry_after_slacks_wait_and_the_retry_goes_exactly_once() throws Exception {
        slackApi.rateLimitOnce("7");
        assertThatThrownBy(() -> sender.send(reminder(2, "U0ANNA")))
                .isInstanceOfSatisfying(SendFailure.class, failure -> {
                    assertThat(failure.isPermanent()).isFalse();
                    assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                });
        assertThat(slackApi.calls("chat.postMessage")).isEmpty();
        sender.send(reminder(2, "U0ANNA"));
        assertThat(slackApi.calls("chat.postMessage")).hasSize(1);
        assertThat(slackApi.calls("/api/chat.postMessage#429")).hasSize(1);
    }

    @Test
    void bad_token_and_unknown_channel_are_permanent_failures() {
        for (String error : List.of("invalid_auth", "channel_not_found", "not_in_channel", "account_inactive")) {
            slackApi.failOnce(error);
            assertThatThrownBy(() -> sender.send(reminder(3, "C0GONE")))
                    .isInstanceOfSatisfying(SendFailure.class, failure -> {
                        assertThat(failure.isPermanent()).isTrue();
                        assertThat(failure.getMessage()).contains(error);
                    });
        }
    }

    @Test
    void slack_trouble_is_a_temporary_failure() {
        slackApi.failOnce("service_unavailable");
        assertThatThrownBy(() -> sender.send(reminder(4, "U0ANNA")))
                .isInstanceOfSatisfying(SendFailure.class, failure -> assertThat(failure.isPermanent()).isFalse());
        slackApi.statusOnce(503);
        assertThatThrownBy(() -> sender.send(reminder(4, "U0ANNA")))
                .isInstanceOfSatisfying(SendFailure.class, failure -> assertThat(failure.isPermanent()).isFalse());
    }

    @Test
    void an_unknown_template_is_a_permanent_failure_and_nothing_is_posted() {
        assertThatThrownBy(() -> sender.send(message(5, "U0ANNA", "welcome", Map.of(), SWEDISH)))
                .isInstanceOfSatisfying(SendFailure.class, failure -> {
                    assertThat(failure.isPermanent()).isTrue();
                    assertThat(failure.getMessage()).contains("okänd Slack-mall 'welcome'");
                });
        assertThat(slackApi.all()).isEmpty();
    }

    @Test
    void the_digest_lists_overdue_upcoming_completed_and_dialogs_when_present() throws Exception {
        var model = Map.<String, Object>of("week", "2026-W49", "date", "2026-12-01",
                "overdue", List.of(item(1, "1.1", "Företagslotsen", true, 11)),
                "upcoming", List.of(item(2, "1.2", "Åtgärd för bättre bemötande", false, 1)),
                "completed", List.of(),
                "dialogs", List.of(Map.of("title", "Innovationskraft", "start", "2026-12-10T08:30", "place", "Stadshuset")));
        sender.send(message(6, "C0COORD", "digest", model, SWEDISH));
        var blocks = SlackTestSupport.json(slackApi.calls("chat.postMessage").get(0).form().get("blocks"));
        assertThat(SlackTestSupport.texts(blocks)).contains("Veckosammanställning 2026-W49", "Försenade (1)",
                "försenad med 11 dagar", "Kommande deadlines (1)", "1 dag kvar", "Klara sedan förra veckan (0)", "Inga.",
                "Kommande dialoger (1)", "Innovationskraft, 2026-12-10 08:30, Stadshuset");
    }

    @Test
    void a_long_digest_stays_within_block_kit_limits_with_a_count_of_the_rest() throws Exception {
        var many = java.util.stream.IntStream.rangeClosed(1, 200)
                .mapToObj(i -> item(i, "9." + i, "Lång titel ".repeat(20) + i, true, i)).toList();
        sender.send(message(7, "C0COORD", "digest", Map.of("week", "2026-W49", "overdue", many,
                "upcoming", List.of(), "completed", List.of()), SWEDISH));
        var blocks = SlackTestSupport.json(slackApi.calls("chat.postMessage").get(0).form().get("blocks"));
        assertThat(blocks.size()).isLessThanOrEqualTo(50);
        blocks.forEach(block -> assertThat(block.get("text").get("text").asText().length()).isLessThanOrEqualTo(3000));
        assertThat(SlackTestSupport.texts(blocks)).contains("Försenade (200)", "till.");
    }

    @Test
    void the_dead_letter_notice_names_each_message_and_its_error() throws Exception {
        sender.send(message(8, "C0COORD", "outbox-dead", Map.of("date", "2026-12-01", "count", 1,
                "items", List.of(Map.of("id", 5, "recipient", "anna@example.se", "template", "reminder",
                        "lastError", "550 mailbox unavailable"))), SWEDISH));
        var text = SlackTestSupport.texts(SlackTestSupport.json(slackApi.calls("chat.postMessage").get(0).form().get("blocks")));
        assertThat(text).contains("Meddelanden som inte kunde skickas", "1 meddelande gav upp",
                "#5 till anna@example.se (reminder): 550 mailbox unavailable");
    }

    @Test
    void english_locale_renders_english() throws Exception {
        sender.send(message(9, "U0ANNA", "reminder", Map.of("personName", "Anna", "items",
                List.of(item(12, "2.3", "Adult education", true, 3))), Locale.ENGLISH));
        var text = SlackTestSupport.texts(SlackTestSupport.json(slackApi.calls("chat.postMessage").get(0).form().get("blocks")));
        assertThat(text).contains("Deadline reminder", "Hello Anna!", "In progress", "overdue by 3 days", "Update");
    }

    @Test
    void messages_to_one_channel_are_spaced_by_the_pacing_interval() throws Exception {
        sender.send(reminder(10, "C0SAME"));
        sender.send(reminder(11, "C0SAME"));
        var posted = slackApi.calls("chat.postMessage");
        assertThat(Duration.between(posted.get(0).at(), posted.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }
}
