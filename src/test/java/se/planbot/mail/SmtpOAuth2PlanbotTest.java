package se.planbot.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.Fixtures;
import se.planbot.Planbot;
import se.planbot.TestClock;
import se.planbot.config.ConfigException;
import se.planbot.outbox.Channel;
import se.planbot.outbox.Delivery;
import se.planbot.outbox.OutboxStatus;
import se.planbot.outbox.OutgoingMessage;

/** A whole Planbot configured for Microsoft 365 as README says: the outbox across token trouble, /health, start-up checks. */
class SmtpOAuth2PlanbotTest {

    @TempDir
    Path folder;

    private final TestClock clock = TestClock.at("2026-12-01T08:00");
    private FakeTokenEndpoint tokens;
    private OAuthOnlySmtpServer exchange;
    private Planbot planbot;

    @AfterEach
    void stop() throws Exception {
        if (planbot != null) {
            planbot.close();
        }
        if (tokens != null) {
            tokens.close();
        }
        if (exchange != null) {
            exchange.close();
        }
    }

    private Map<String, String> microsoft365() throws Exception {
        tokens = new FakeTokenEndpoint(clock);
        exchange = new OAuthOnlySmtpServer((user, token) -> tokens.isValid(token), false);
        return SmtpOAuth2Test.microsoft365(tokens, exchange.port());
    }

    private long queue(String key) {
        return planbot.database().write(connection -> {
            planbot.outbox().enqueue(connection, new OutgoingMessage(key, Channel.EMAIL, "asa@example.se", "Åsa Öberg",
                    "reminder", Map.of("personName", "Åsa Öberg", "date", "2026-12-01", "items", List.of()),
                    Locale.forLanguageTag("sv")));
            return planbot.outbox().lastId(connection);
        });
    }

    private HttpResponse<String> health() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + planbot.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void while_the_token_endpoint_is_down_mail_waits_in_the_outbox_and_goes_out_when_it_is_back() throws Exception {
        planbot = Fixtures.planbot(folder, clock, microsoft365());
        long id = queue("oauth:1");
        tokens.outageStatus = 503;

        assertThat(planbot.dispatcher().dispatchDue()).extracting(Delivery::outcome).containsExactly(Delivery.Outcome.RETRY);
        var waiting = planbot.outboxAdmin().entry(id).orElseThrow();
        assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(waiting.lastError()).contains("Tokentjänsten").contains("HTTP 503");

        tokens.outageStatus = 0;
        clock.advance(Duration.ofMinutes(1));
        assertThat(planbot.dispatcher().dispatchDue()).extracting(Delivery::outcome).containsExactly(Delivery.Outcome.SENT);
        assertThat(exchange.messages.get()).isEqualTo(1);
    }

    @Test
    void health_says_whether_a_token_could_be_had_and_never_shows_it() throws Exception {
        planbot = Fixtures.planbot(folder, clock, microsoft365()).start();

        var healthy = health();
        assertThat(healthy.statusCode()).isEqualTo(200);
        assertThat(healthy.body()).contains("\"smtpLogin\":{\"ok\":true,\"auth\":\"oauth2\",\"mailbox\":\"planbot@alingsas.se\"")
                .contains("\"tokenAvailable\":true").contains("\"tokenValidUntil\":\"2026-12-01T07:59:59Z\"");
        assertThat(tokens.issuedTokens()).hasSize(1).allSatisfy(token -> assertThat(healthy.body()).doesNotContain(token));
        assertThat(healthy.body()).doesNotContain(tokens.clientSecret);
    }

    @Test
    void health_is_unhealthy_with_the_reason_while_the_secret_is_refused() throws Exception {
        var values = new HashMap<>(microsoft365());
        values.put("smtp.oauth2.client-secret", "an~expired~secret");
        planbot = Fixtures.planbot(folder, clock, values).start();

        var unhealthy = health();
        assertThat(unhealthy.statusCode()).isEqualTo(503);
        assertThat(unhealthy.body()).contains("\"tokenAvailable\":false")
                .contains("invalid_client, AADSTS7000215").doesNotContain("an~expired~secret");
        health();
        assertThat(tokens.requests).as("health does not hammer a refusing token endpoint").hasSize(1);
    }

    @Test
    void oauth2_mistakes_stop_start_up_with_a_swedish_message_naming_the_key() throws Exception {
        var values = microsoft365();
        assertRefused(values, Map.of("smtp.oauth2.client-secret", ""), "PLANBOT_SMTP_OAUTH2_CLIENT_SECRET");
        assertRefused(values, Map.of("smtp.oauth2.token-url", ""), "smtp.oauth2.token-url");
        assertRefused(values, Map.of("smtp.oauth2.token-url", "http://login.microsoftonline.com/x/oauth2/v2.0/token"),
                "ska vara en https-adress");
        assertRefused(values, Map.of("smtp.oauth2.client-id", ""), "smtp.oauth2.client-id");
        assertRefused(values, Map.of("smtp.password", "Sommar2026!"), "används inte med smtp.auth=oauth2");
        assertRefused(values, Map.of("smtp.auth", "kerberos"), "smtp.auth");
        Path notAKey = Files.writeString(folder.resolve("key.json"), "{\"type\": \"authorized_user\"}");
        assertRefused(values, Map.of("smtp.oauth2.key-file", notAKey.toString(), "smtp.oauth2.client-id", "",
                "smtp.oauth2.client-secret", "", "smtp.oauth2.scope", "google"), "ingen nyckelfil för ett Google-tjänstkonto");
        assertRefused(values, Map.of("smtp.oauth2.key-file", folder.resolve("missing.json").toString(),
                "smtp.oauth2.client-id", "", "smtp.oauth2.client-secret", "", "smtp.oauth2.scope", "google"), "filen finns inte");
        assertRefused(values, Map.of("smtp.oauth2.key-file", notAKey.toString()), "smtp.oauth2.scope");
    }

    private void assertRefused(Map<String, String> base, Map<String, String> change, String expected) {
        var values = new HashMap<>(base);
        values.putAll(change);
        assertThatThrownBy(() -> new Planbot(Fixtures.config(folder, values), clock).close())
                .isInstanceOf(ConfigException.class).hasMessageContaining(expected)
                .hasMessageNotContaining(tokens.clientSecret);
    }
}
