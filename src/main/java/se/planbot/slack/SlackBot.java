package se.planbot.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planbot.plan.PlanService;

/**
 * Planbot's Bolt app. It answers:
 * <ul>
 *   <li>the slash command ({@code slack.command}, default {@code /plan}): ephemeral Block Kit with
 *       a "share in channel" button; an answer not ready within the ack budget comes via response_url;</li>
 *   <li>{@code app_mention}: the same engine, answered in the mention's thread, once per event id;</li>
 *   <li>"Uppdatera" buttons → the update modal → one history entry; "Visa fler" and "Dela i kanalen";</li>
 *   <li>{@code app_home_opened}: the Home tab with the user's own actions (views.publish).</li>
 * </ul>
 * Bolt's own signature check is off: {@link SlackEventsRoute} verifies the raw bytes before Bolt runs.
 */
public final class SlackBot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SlackBot.class);

    private final App app;
    private final Slack slack;
    private final QuestionEngine engine;
    private final BlockKitAnswer blocks;
    private final UpdateFlow updates;
    private final HomeView home;
    private final SeenEvents seen;
    private final PlanService plan;
    private final Duration ackBudget;
    // Bounded: under overload a question is turned away at once instead of queueing past Slack's 3 s.
    private final ExecutorService answers = new ThreadPoolExecutor(4, 4, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(64), daemon("slack-answer"), new ThreadPoolExecutor.AbortPolicy());
    private final ExecutorService background = Executors.newFixedThreadPool(2, daemon("slack-reply"));

    public SlackBot(SlackSettings settings, Slack slack, QuestionEngine engine, SeenEvents seen, PlanService plan,
            Duration ackBudget) {
        this.slack = slack;
        this.engine = engine;
        this.seen = seen;
        this.plan = plan;
        this.ackBudget = ackBudget;
        Texts texts = engine.texts();
        this.blocks = new BlockKitAnswer(texts, settings.zone(), settings.command());
        this.updates = new UpdateFlow(plan, texts);
        this.home = new HomeView(texts, settings.zone(), settings.command());
        var config = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret())
                .requestVerificationEnabled(false)
                .authTestCacheEnabled(true)
                .authTestCacheExpirationMillis(Duration.ofMinutes(10).toMillis())
                .build();
        this.app = new App(config);
        app.command(settings.command(), (request, ctx) -> command(request.getPayload().getText(),
                request.getPayload().getUserId(), request.getPayload().getResponseUrl(), ctx));
        app.blockAction(Pattern.compile(BlockKitAnswer.UPDATE + "_\\d+"), (request, ctx) -> {
            var payload = request.getPayload();
            var view = updates.viewFor(payload.getUser().getId(), payload.getActions().get(0).getValue(),
                    payload.getResponseUrl());
            var opened = ctx.client().viewsOpen(r -> r.triggerId(payload.getTriggerId()).view(view));
            if (!opened.isOk()) {
                log.warn("Slack views.open failed: {}", opened.getError());
            }
            return ctx.ack();
        });
        app.blockAction(BlockKitAnswer.SHARE, (request, ctx) -> {
            var payload = request.getPayload();
            String user = payload.getUser().getId();
            String query = payload.getActions().get(0).getValue();
            background.execute(() -> respond(payload.getResponseUrl(), query, user, BlockKitAnswer.Mode.SHARED,
                    "in_channel", false));
            return ctx.ack();
        });
        app.blockAction(BlockKitAnswer.MORE, (request, ctx) -> {
            var payload = request.getPayload();
            String query = payload.getActions().get(0).getValue();
            boolean replace = payload.getContainer() != null && payload.getContainer().isEphemeral();
            background.execute(() -> respond(payload.getResponseUrl(), query, payload.getUser().getId(),
                    BlockKitAnswer.Mode.EPHEMERAL, "ephemeral", replace));
            return ctx.ack();
        });
        app.viewSubmission(UpdateModal.CALLBACK, (request, ctx) -> {
            var payload = request.getPayload();
            String user = payload.getUser().getId();
            var result = updates.submit(user, payload.getView());
            if (!result.errors().isEmpty()) {
                return ctx.ack(r -> r.responseAction("errors").errors(result.errors()));
            }
            Optional<String> responseUrl = updates.responseUrl(payload.getView());
            var action = result.updated().orElseThrow();
            background.execute(() -> {
                responseUrl.ifPresent(url -> confirm(url, action, result.actor()));
                publishHome(user);
            });
            return ctx.ack();
        });
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            if (!seen.firstTime(payload.getEventId())) {
                log.info("Slack event {} already answered (retry {})", payload.getEventId(), ctx.getRetryNum());
                return ctx.ack();
            }
            var event = payload.getEvent();
            String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
            background.execute(() -> {
                try {
                    var message = blocks.render(engine.answer(event.getText(), Optional.ofNullable(event.getUser())),
                            BlockKitAnswer.Mode.THREAD, null);
                    var posted = ctx.client().chatPostMessage(r -> r.channel(event.getChannel()).threadTs(thread)
                            .text(message.text()).blocks(message.blocks()));
                    if (!posted.isOk()) {
                        log.warn("Slack chat.postMessage for a mention failed: {}", posted.getError());
                    }
                } catch (Exception e) {
                    log.warn("Answering a Slack mention failed", e);
                }
            });
            return ctx.ack();
        });
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            var event = payload.getEvent();
            if ((event.getTab() == null || "home".equals(event.getTab())) && seen.firstTime(payload.getEventId())) {
                background.execute(() -> publishHome(event.getUser()));
            }
            return ctx.ack();
        });
    }

    public App app() {
        return app;
    }

    /** Checks the bot token with auth.test now, so a wrong token fails at start and not at the first question. */
    public void start() {
        app.start();
    }

    private Response command(String text, String user, String responseUrl, SlashCommandContext ctx) {
        String query = text == null ? "" : text.strip();
        Question question = Question.parse(query);
        if (question.readyAtOnce()) {
            // Help or one action by its key: answered on this thread, no hand-off to a pool and back.
            try {
                var message = blocks.render(engine.answer(query, question, Optional.of(user)),
                        BlockKitAnswer.Mode.EPHEMERAL, user);
                return ctx.ack(r -> r.responseType("ephemeral").text(message.text()).blocks(message.blocks()));
            } catch (RuntimeException e) {
                log.error("Answering Slack command '{}' failed", text, e);
                return ctx.ack(r -> r.responseType("ephemeral").text(engine.texts().get("error")));
            }
        }
        Future<Answer> answer;
        try {
            answer = answers.submit(() -> engine.answer(query, question, Optional.of(user)));
        } catch (RejectedExecutionException busy) {
            log.warn("Slack command '{}' turned away: {} questions already waiting", text, 64);
            return ctx.ack(r -> r.responseType("ephemeral").text(engine.texts().get("busy")));
        }
        try {
            var message = blocks.render(answer.get(ackBudget.toMillis(), TimeUnit.MILLISECONDS),
                    BlockKitAnswer.Mode.EPHEMERAL, user);
            return ctx.ack(r -> r.responseType("ephemeral").text(message.text()).blocks(message.blocks()));
        } catch (TimeoutException slow) {
            background.execute(() -> respond(responseUrl, answer, user));
            return ctx.ack(r -> r.responseType("ephemeral").text(engine.texts().get("working")));
        } catch (InterruptedException | ExecutionException e) {
            log.error("Answering Slack command '{}' failed", text, e);
            return ctx.ack(r -> r.responseType("ephemeral").text(engine.texts().get("error")));
        }
    }

    private void respond(String responseUrl, Future<Answer> answer, String user) {
        try {
            var message = blocks.render(answer.get(), BlockKitAnswer.Mode.EPHEMERAL, user);
            send(responseUrl, ActionResponse.builder().responseType("ephemeral").text(message.text())
                    .blocks(message.blocks()).build());
        } catch (Exception e) {
            log.warn("Sending a slow Slack answer by response_url failed", e);
        }
    }

    private void respond(String responseUrl, String query, String user, BlockKitAnswer.Mode mode, String type,
            boolean replaceOriginal) {
        try {
            var message = blocks.render(engine.answer(query, Optional.of(user)), mode, user);
            send(responseUrl, ActionResponse.builder().responseType(type).replaceOriginal(replaceOriginal)
                    .text(message.text()).blocks(message.blocks()).build());
        } catch (Exception e) {
            log.warn("Sending a Slack answer by response_url failed", e);
        }
    }

    private void confirm(String responseUrl, se.planbot.plan.Action action, String actor) {
        var detail = new Answer.Detail(action.code(), action, plan.lastChange(action.id()), plan.today());
        var message = blocks.render(detail, BlockKitAnswer.Mode.THREAD, null);
        String text = engine.texts().get("updated", action.code(), actor, message.text());
        var response = ActionResponse.builder().responseType("ephemeral").replaceOriginal(false).text(text)
                .blocks(message.blocks()).build();
        try {
            send(responseUrl, response);
        } catch (IOException e) {
            log.warn("Confirming a Slack update by response_url failed", e);
        }
    }

    /** Posts to a response_url (valid 30 minutes, 5 times); Slack answers "ok" or an error text. */
    private void send(String responseUrl, ActionResponse response) throws IOException {
        var result = slack.send(responseUrl, GsonFactory.createSnakeCase(slack.getConfig()).toJson(response));
        if (result.getCode() != 200) {
            log.warn("Slack response_url answered {}: {}", result.getCode(), result.getBody());
        }
    }

    private void publishHome(String user) {
        try {
            var view = home.render(user, engine.actionsOf(user), plan.today());
            var published = app.client().viewsPublish(r -> r.userId(user).view(view));
            if (!published.isOk()) {
                log.warn("Slack views.publish failed: {}", published.getError());
            }
        } catch (Exception e) {
            log.warn("Publishing the Slack Home tab failed", e);
        }
    }

    @Override
    public void close() {
        answers.shutdownNow();
        background.shutdown();
        try {
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        app.stop();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            var thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
