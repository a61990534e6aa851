package se.planbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.Planbot;
import se.planbot.config.Config;

class SlackOffTest {

    @TempDir
    Path folder;

    @Test
    void without_bot_token_and_signing_secret_slack_is_off_and_health_says_why() throws Exception {
        var config = Config.of(Map.of("db.path", folder.resolve("p.db").toString(), "http.port", "0",
                "slack.signing-secret", "only-the-secret"));
        try (var planbot = new Planbot(config, Clock.fixed(SlackTestSupport.NOW, ZoneOffset.UTC)).start()) {
            var http = HttpClient.newHttpClient();
            var health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + planbot.port() + "/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            var slack = SlackTestSupport.json(health.body()).get("slack");
            assertThat(slack.get("enabled").asBoolean()).isFalse();
            assertThat(slack.get("mode").asText()).isEqualTo("off");
            assertThat(slack.get("reason").asText()).isEqualTo("Slack är avstängt: slack.bot-token är tom");
            var events = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + planbot.port() + "/slack/events"))
                    .POST(HttpRequest.BodyPublishers.ofString("command=/plan")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(events.statusCode()).isEqualTo(404);
            assertThat(planbot.slack().sender()).isEmpty();
            assertThat(planbot.ask("hjälp", java.util.Optional.empty())).contains("Planbot svarar på frågor om åtgärdsplanen");
        }
    }

    @Test
    void a_bot_token_slack_rejects_stops_the_start_with_a_clear_message() throws Exception {
        try (var slackApi = new FakeSlackApi()) {
            var config = Config.of(Map.of("db.path", folder.resolve("p.db").toString(), "http.port", "0",
                    "slack.bot-token", "xoxb-wrong", "slack.signing-secret", "s", "slack.api-url", slackApi.apiUrl()));
            var planbot = new Planbot(config, Clock.systemUTC());
            try {
                org.assertj.core.api.Assertions.assertThatThrownBy(planbot::start)
                        .isInstanceOf(se.planbot.config.ConfigException.class)
                        .hasMessageContaining("Slack avvisade slack.bot-token");
            } finally {
                planbot.close();
            }
        }
    }
}
