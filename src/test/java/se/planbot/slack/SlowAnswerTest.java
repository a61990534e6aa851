package se.planbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.config.Config;
import se.planbot.plan.PlanService;
import se.planbot.web.Access;
import se.planbot.web.Route;
import se.planbot.web.WebServer;

/** An answer that is not ready within the ack budget is acknowledged at once and sent by response_url. */
class SlowAnswerTest {

    @TempDir
    Path folder;

    @Test
    void a_slow_answer_is_acknowledged_at_once_and_delivered_by_response_url() throws Exception {
        var released = new CountDownLatch(1);
        UpcomingDialogs slowDialogs = limit -> {
            try {
                released.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(new UpcomingDialogs.Dialog(7, "Innovationskraft – workshop",
                    ZonedDateTime.of(2026, 12, 10, 8, 30, 0, 0, ZoneId.of("Europe/Stockholm")), "Stadshuset, Alingsås",
                    "http://localhost:7070/dialogs/7"));
        };
        Clock clock = Clock.fixed(SlackTestSupport.NOW, ZoneOffset.UTC);
        try (var slackApi = new FakeSlackApi(); var database = se.planbot.TestDatabase.open(folder.resolve("p.db"))) {
            var settings = SlackSettings.from(Config.of(Map.of("slack.bot-token", "xoxb-fake",
                    "slack.signing-secret", SlackTestSupport.SECRET, "slack.api-url", slackApi.apiUrl())));
            var plan = new PlanService(database, clock, settings.zone());
            try (var slack = new SlackIntegration(settings, plan, database, clock, slowDialogs, Duration.ofMillis(200))) {
                slack.start();
                var events = slack.events().orElseThrow();
                var web = new WebServer(SlackTestSupport.JSON,
                        List.of(Route.post(SlackEventsRoute.PATH, events::handle, Access.SLACK))).start(0);
                try {
                    byte[] body = SlackTestSupport.form(Map.of("command", "/plan", "text", "dialoger",
                            "user_id", "U0ANNA", "team_id", "T0TEST", "channel_id", "C0PLAN",
                            "response_url", slackApi.responseUrl("slow"), "trigger_id", "t1"));
                    long timestamp = SlackTestSupport.NOW.getEpochSecond();
                    var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                    URI.create("http://localhost:" + web.port() + SlackEventsRoute.PATH))
                            .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                            .header("X-Slack-Signature", new RequestSignature(SlackTestSupport.SECRET, clock)
                                    .sign(Long.toString(timestamp), body))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(response.body()).contains("Jag letar fram svaret");
                    assertThat(slackApi.responses()).isEmpty();

                    released.countDown();
                    var later = slackApi.await(call -> call.path().equals("/response/slow"), 1);
                    assertThat(later).hasSize(1);
                    assertThat(SlackTestSupport.texts(SlackTestSupport.json(later.get(0).body())))
                            .contains("Kommande dialoger", "”Innovationskraft – workshop” 2026-12-10 08:30, Stadshuset, Alingsås");
                } finally {
                    web.stop();
                }
            }
        }
    }
}
