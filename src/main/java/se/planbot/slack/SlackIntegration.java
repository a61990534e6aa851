package se.planbot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planbot.config.ConfigException;
import se.planbot.db.Database;
import se.planbot.outbox.Sender;
import se.planbot.plan.PlanService;
import se.planbot.http.HealthCheck;

/**
 * Everything Slack, put together once: the question engine (always, for {@code planbot ask}), and
 * when Slack is configured the Bolt app behind {@code POST /slack/events} or Socket Mode, and the
 * outbox sender. Off while the bot token or signing secret is empty, and says so in the log and /health.
 */
public final class SlackIntegration implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SlackIntegration.class);
    public static final Duration ACK_BUDGET = Duration.ofMillis(2000);

    private final SlackSettings settings;
    private final QuestionEngine engine;
    private final Slack slack;
    private final SlackBot bot;
    private final SlackSender sender;
    private final Clock clock;
    private final Database database;
    private SocketModeApp socketMode;

    public SlackIntegration(SlackSettings settings, PlanService plan, Database database, Clock clock,
            UpcomingDialogs dialogs, Duration ackBudget) {
        this(settings, plan, database, clock, dialogs, IndicatorAnswers.none(), ackBudget);
    }

    public SlackIntegration(SlackSettings settings, PlanService plan, Database database, Clock clock,
            UpcomingDialogs dialogs, IndicatorAnswers indicators, Duration ackBudget) {
        this.settings = settings;
        this.clock = clock;
        this.database = database;
        this.engine = new QuestionEngine(plan, dialogs, indicators, settings.command(), Texts.of(settings.locale()));
        if (settings.enabled()) {
            var config = new SlackConfig();
            config.setMethodsEndpointUrlPrefix(settings.apiUrl());
            config.setStatsEnabled(false);
            this.slack = Slack.getInstance(config);
            this.bot = new SlackBot(settings, slack, engine, new SeenEvents(database, clock), plan, ackBudget);
            this.sender = new SlackSender(slack.methods(settings.botToken()), Duration.ofSeconds(1));
        } else {
            this.slack = null;
            this.bot = null;
            this.sender = null;
        }
    }

    public QuestionEngine engine() {
        return engine;
    }

    /** What the Slack command would answer to {@code text} from {@code slackUserId}, as plain text ({@code planbot ask}). */
    public String answerAsText(String text, Optional<String> slackUserId) {
        return new PlainTextAnswer(engine.texts(), settings.zone(), settings.command()).render(engine.answer(text, slackUserId));
    }

    public SlackSettings settings() {
        return settings;
    }

    public boolean enabled() {
        return bot != null;
    }

    /** The HTTP endpoint, when Slack is on and not in Socket Mode. */
    public Optional<SlackEventsRoute> events() {
        return enabled() && !settings.socketMode()
                ? Optional.of(new SlackEventsRoute(bot.app(), settings.signingSecret(), database, clock)) : Optional.empty();
    }

    /** The outbox's sender for {@code Channel.SLACK}, when Slack is on; one instance, so its pacing holds across batches. */
    public Optional<Sender> sender() {
        return Optional.ofNullable(sender);
    }

    /** Checks the bot token (auth.test) and, in Socket Mode, connects; a rejected token stops start-up. */
    public void start() {
        if (!enabled()) {
            log.info("Slack is off: {} (set them in the configuration to turn Slack on)", settings.offReason());
            return;
        }
        try {
            bot.start();
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("invalid_auth") || message.contains("not_authed") || message.contains("token_revoked")) {
                throw new ConfigException("Slack avvisade slack.bot-token (" + message + ")");
            }
            log.warn("Slack could not be reached at start ({}); Planbot retries on the first request", message);
        }
        if (settings.socketMode()) {
            try {
                socketMode = new SocketModeApp(settings.appToken(), bot.app(), SocketModeClient.Backend.JavaWebSocket);
                socketMode.startAsync();
                log.info("Slack on in Socket Mode (command {})", settings.command());
            } catch (Exception e) {
                throw new ConfigException("Slack Socket Mode kunde inte starta: " + e.getMessage());
            }
        } else {
            log.info("Slack on: POST {}{} (command {})", settings.publicBaseUrl(), SlackEventsRoute.PATH,
                    settings.command());
        }
    }

    public HealthCheck health() {
        return new HealthCheck() {
            @Override
            public String name() {
                return "slack";
            }

            @Override
            public Map<String, Object> status() {
                var status = new LinkedHashMap<String, Object>();
                status.put("ok", true);
                status.put("enabled", enabled());
                status.put("mode", settings.mode());
                if (enabled()) {
                    status.put("command", settings.command());
                } else {
                    status.put("reason", "Slack är avstängt: " + settings.offReason());
                }
                return status;
            }
        };
    }

    @Override
    public void close() {
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception e) {
                log.warn("Closing Slack Socket Mode failed", e);
            }
        }
        if (bot != null) {
            bot.close();
        }
        if (slack != null) {
            try {
                slack.close();
            } catch (Exception e) {
                log.warn("Closing the Slack client failed", e);
            }
        }
    }
}
