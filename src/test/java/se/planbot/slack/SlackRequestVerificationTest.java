package se.planbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import se.planbot.plan.ActionFilter;

class SlackRequestVerificationTest extends SlackTestSupport {

    @Test
    void a_correctly_signed_command_is_answered() throws Exception {
        var response = command("hjälp", "U0ANNA");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(texts(json(response.body()))).contains("Planbot svarar på frågor om åtgärdsplanen");
    }

    @Test
    void a_wrong_signature_is_refused_with_401_and_nothing_happens() throws Exception {
        byte[] body = commandBody("hjälp", "U0ANNA");
        var response = send(body, Long.toString(timestamp()), "v0=" + "0".repeat(64));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("signaturen stämmer inte");
    }

    @Test
    void a_timestamp_301_seconds_old_is_refused() throws Exception {
        byte[] body = commandBody("hjälp", "U0ANNA");
        long old = timestamp() - 301;
        assertThat(send(body, Long.toString(old), sign(old, body)).statusCode()).isEqualTo(401);
    }

    @Test
    void a_timestamp_301_seconds_in_the_future_is_refused() throws Exception {
        byte[] body = commandBody("hjälp", "U0ANNA");
        long future = timestamp() + 301;
        assertThat(send(body, Long.toString(future), sign(future, body)).statusCode()).isEqualTo(401);
    }

    @Test
    void a_timestamp_299_seconds_off_either_way_is_accepted() throws Exception {
        byte[] body = commandBody("hjälp", "U0ANNA");
        long past = timestamp() - 299;
        long future = timestamp() + 299;
        assertThat(send(body, Long.toString(past), sign(past, body)).statusCode()).isEqualTo(200);
        assertThat(send(body, Long.toString(future), sign(future, body)).statusCode()).isEqualTo(200);
    }

    @Test
    void missing_signature_or_timestamp_headers_are_refused() throws Exception {
        byte[] body = commandBody("hjälp", "U0ANNA");
        var noTimestamp = http.send(HttpRequest.newBuilder(URI.create(url()))
                .header("X-Slack-Signature", sign(timestamp(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        var noSignature = http.send(HttpRequest.newBuilder(URI.create(url()))
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noTimestamp.statusCode()).isEqualTo(401);
        assertThat(noTimestamp.body()).contains("X-Slack-Request-Timestamp saknas");
        assertThat(noSignature.statusCode()).isEqualTo(401);
        assertThat(noSignature.body()).contains("X-Slack-Signature saknas");
    }

    @Test
    void one_changed_byte_after_signing_is_refused() throws Exception {
        String json = buttonPayload("U0DAN", BlockKitAnswer.SHARE, "1.1", true);
        byte[] body = form(java.util.Map.of("payload", json));
        String signature = sign(timestamp(), body);
        byte[] tampered = body.clone();
        tampered[tampered.length - 5] ^= 1;
        assertThat(send(tampered, Long.toString(timestamp()), signature).statusCode()).isEqualTo(401);
        assertThat(slackApi.all()).noneMatch(call -> call.path().startsWith("/response/"));
    }

    @Test
    void a_replayed_request_is_refused_the_second_time() throws Exception {
        byte[] body = commandBody("hjälp", "U0ANNA");
        String signature = sign(timestamp(), body);
        assertThat(send(body, Long.toString(timestamp()), signature).statusCode()).isEqualTo(200);
        var replay = send(body, Long.toString(timestamp()), signature);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body()).contains("redan använts");
    }

    @Test
    void a_refused_update_submission_changes_nothing() throws Exception {
        long actionId = planbot.plan().actionByCode("1.1").orElseThrow().id();
        int before = planbot.plan().history(actionId).size();
        String json = UpdateFlowTest.submission("U0ANNA", actionId, "done", "100", "Klart!");
        byte[] body = form(java.util.Map.of("payload", json));
        var response = send(body, Long.toString(timestamp()), sign(timestamp() - 1, body));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(planbot.plan().history(actionId)).hasSize(before);
        assertThat(planbot.plan().actions(ActionFilter.all())).hasSize(43);
    }

    @Test
    void url_verification_answers_the_challenge() throws Exception {
        byte[] body = "{\"token\":\"legacy\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}"
                .getBytes(StandardCharsets.UTF_8);
        var response = post(body, "application/json", timestamp());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void a_signed_body_slack_would_never_send_is_answered_400() throws Exception {
        var response = post("nonsense".getBytes(StandardCharsets.UTF_8), "text/plain", timestamp());
        assertThat(response.statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> send(byte[] body, String timestamp, String signature) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
