package se.planbot.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events}: slash commands, events and interactivity on one URL. The raw body
 * is verified first ({@link RequestSignature}, then a replay check); only a genuine request reaches
 * Bolt. A refused request gets 401 and changes nothing.
 *
 * <pre>
 * curl -s -X POST localhost:7070/slack/events -H "X-Slack-Request-Timestamp: $TS" \
 *      -H "X-Slack-Signature: v0=$(printf "v0:$TS:$BODY" | openssl dgst -sha256 -hmac "$SECRET" | cut -d' ' -f2)" \
 *      --data "$BODY"
 * </pre>
 */
public final class SlackEventsRoute {

    public static final String PATH = "/slack/events";
    private static final Logger log = LoggerFactory.getLogger(SlackEventsRoute.class);

    private final App app;
    private final SlackRequestParser parser;
    private final RequestSignature signature;
    private final ReplayGuard replays;

    public SlackEventsRoute(App app, String signingSecret, Clock clock) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.signature = new RequestSignature(signingSecret, clock);
        this.replays = new ReplayGuard(clock);
    }

    public void handle(Context ctx) throws Exception {
        byte[] body = ctx.bodyAsBytes();
        String timestamp = ctx.header("X-Slack-Request-Timestamp");
        String signed = ctx.header("X-Slack-Signature");
        Optional<String> problem = signature.problem(timestamp, signed, body);
        if (problem.isEmpty() && !replays.firstTime(signed.trim())) {
            problem = Optional.of("signaturen har redan använts (återspelad begäran)");
        }
        if (problem.isPresent()) {
            log.warn("Slack request from {} refused: {}", ctx.ip(), problem.get());
            ctx.status(401).contentType("text/plain; charset=utf-8").result("Ogiltig Slack-begäran: " + problem.get());
            return;
        }
        var headers = new LinkedHashMap<String, List<String>>();
        ctx.headerMap().forEach((name, value) -> headers.put(name, List.of(value)));
        var requestHeaders = new RequestHeaders(headers);
        String text = new String(body, StandardCharsets.UTF_8);
        FormBody form = FormBody.of(text);
        Request<?> request;
        if (form.isSlashCommand()) {
            // The hot path: the body was read once above, so Bolt's parser does not read it three more times.
            request = new SlashCommandRequest(text, slashCommand(form), requestHeaders);
            request.updateContext(app.config());
            String forwarded = requestHeaders.getFirstValue("X-Forwarded-For");
            request.setClientIpAddress(forwarded != null ? forwarded : ctx.ip());
        } else {
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(ctx.path())
                    .queryString(QueryStringParser.toMap(ctx.queryString()))
                    .headers(requestHeaders)
                    .requestBody(text)
                    .remoteAddress(ctx.ip())
                    .build());
        }
        if (request == null) {
            ctx.status(400).contentType("text/plain; charset=utf-8").result("Okänd Slack-begäran");
            return;
        }
        Response response = app.run(request);
        ctx.status(response.getStatusCode());
        var answerHeaders = response.getHeaders() == null ? Map.<String, List<String>>of() : response.getHeaders();
        for (Map.Entry<String, List<String>> header : answerHeaders.entrySet()) {
            if (!header.getKey().equalsIgnoreCase("Content-Type") && !header.getKey().equalsIgnoreCase("Content-Length")) {
                header.getValue().forEach(value -> ctx.header(header.getKey(), value));
            }
        }
        String contentType = response.getContentType() == null ? "text/plain" : response.getContentType();
        ctx.contentType(contentType.contains("charset") ? contentType : contentType + "; charset=utf-8");
        ctx.result(response.getBody() == null ? new byte[0] : response.getBody().getBytes(StandardCharsets.UTF_8));
    }

    private static SlashCommandPayload slashCommand(FormBody form) {
        var payload = new SlashCommandPayload();
        payload.setToken(form.get("token"));
        payload.setTeamId(form.get("team_id"));
        payload.setTeamDomain(form.get("team_domain"));
        payload.setEnterpriseId(form.get("enterprise_id"));
        payload.setEnterpriseName(form.get("enterprise_name"));
        payload.setApiAppId(form.get("api_app_id"));
        payload.setChannelId(form.get("channel_id"));
        payload.setChannelName(form.get("channel_name"));
        payload.setUserId(form.get("user_id"));
        payload.setUserName(form.get("user_name"));
        payload.setCommand(form.get("command"));
        payload.setText(form.get("text"));
        payload.setResponseUrl(form.get("response_url"));
        payload.setTriggerId(form.get("trigger_id"));
        return payload;
    }
}
