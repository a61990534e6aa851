package se.planbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planbot.outbox.Channel;
import se.planbot.outbox.QueuedMessage;
import se.planbot.outbox.SendFailure;
import se.planbot.outbox.Sender;

/**
 * Sends the outbox's Slack messages with chat.postMessage: a user id as recipient is a direct
 * message from the bot, a channel id a post there. Failures are sorted for the dispatcher: 429 →
 * retry after Slack's Retry-After; network trouble and Slack's own errors → retry later; a bad
 * token, an unknown channel or a bad message → permanent. At most one message per second goes to
 * one channel.
 */
public final class SlackSender implements Sender {

    private static final Logger log = LoggerFactory.getLogger(SlackSender.class);
    private static final Set<String> TRANSIENT = Set.of("internal_error", "fatal_error", "service_unavailable",
            "request_timeout", "team_added_to_org", "ratelimited");
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

    private final MethodsClient methods;
    private final OutboundBlocks templates = new OutboundBlocks();
    private final ChannelPacer pacer;

    public SlackSender(MethodsClient methods, Duration perChannelInterval) {
        this.methods = methods;
        this.pacer = new ChannelPacer(perChannelInterval);
    }

    @Override
    public Channel channel() {
        return Channel.SLACK;
    }

    @Override
    public void send(QueuedMessage message) throws SendFailure {
        BlockKitAnswer.Message rendered;
        try {
            rendered = templates.render(message.template(), message.model(), message.locale());
        } catch (IllegalArgumentException | ClassCastException e) {
            throw SendFailure.permanent("Slack-meddelande " + message.id() + ": " + e.getMessage(), e);
        }
        if (message.recipient() == null || message.recipient().isBlank()) {
            throw SendFailure.permanent("Slack-meddelande " + message.id() + " saknar mottagare", null);
        }
        ChatPostMessageResponse response;
        try {
            pacer.await(message.recipient());
            response = methods.chatPostMessage(request -> request.channel(message.recipient())
                    .text(rendered.text()).blocks(rendered.blocks()).unfurlLinks(false));
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429) {
                throw SendFailure.retryAfter("Slack 429 (rate limit) för " + message.recipient(),
                        retryAfter(e.getResponse().header("Retry-After")));
            }
            if (status >= 500 || status == 408) {
                throw SendFailure.temporary("Slack svarade HTTP " + status, e);
            }
            throw SendFailure.permanent("Slack svarade HTTP " + status, e);
        } catch (IOException e) {
            throw SendFailure.temporary("Slack kunde inte nås: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SendFailure.temporary("avbruten", e);
        }
        if (!response.isOk()) {
            String error = response.getError();
            if ("ratelimited".equals(error)) {
                throw SendFailure.retryAfter("Slack: ratelimited", Duration.ofSeconds(1));
            }
            if (TRANSIENT.contains(error)) {
                throw SendFailure.temporary("Slack: " + error, null);
            }
            throw SendFailure.permanent("Slack: " + error + " (mottagare " + message.recipient() + ")", null);
        }
        log.info("Slack message {} ({}) sent to {}", message.id(), message.template(), message.recipient());
    }

    static Duration retryAfter(String header) {
        try {
            long seconds = Long.parseLong(header == null ? "" : header.trim());
            return Duration.ofSeconds(Math.max(1, Math.min(seconds, 3600)));
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY_AFTER;
        }
    }
}
