package se.planbot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planbot.auth.ApiTokens;
import se.planbot.config.Config;
import se.planbot.config.ConfigException;
import se.planbot.db.Database;
import se.planbot.outbox.Outbox;
import se.planbot.plan.ActionFilter;
import se.planbot.plan.PersonDraft;
import se.planbot.plan.PersonRole;
import se.planbot.plan.PlanService;
import se.planbot.plan.PlanTransfer;
import se.planbot.slack.PlainTextAnswer;
import se.planbot.slack.SlackIntegration;
import se.planbot.slack.SlackSettings;
import se.planbot.slack.UpcomingDialogs;
import se.planbot.web.Auth;
import se.planbot.web.HealthCheck;
import se.planbot.web.PlanApi;
import se.planbot.web.Routes;
import se.planbot.web.WebServer;

/**
 * Planbot put together: the one place that builds configuration, database, services and faces
 * with plain constructors. Commands build what they need from here; tests build exactly this.
 */
public final class Planbot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Planbot.class);

    final Config config;
    final Clock clock;
    final ZoneId zone;
    final Locale locale;
    final ObjectMapper json;
    final Database database;
    final PlanService plan;
    final PlanTransfer transfer;
    final ApiTokens tokens;
    final Outbox outbox;
    final SlackIntegration slack;
    private WebServer web;

    public Planbot(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.zone = config.zone("timezone");
        this.locale = config.locale("locale");
        config.port("http.port");
        this.json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        this.database = Database.open(config.path("db.path"));
        this.plan = new PlanService(database, clock, zone);
        this.transfer = new PlanTransfer(plan);
        this.tokens = new ApiTokens(database, clock);
        this.outbox = new Outbox(clock);
        // Until the dialogs feature is merged, Slack's "dialoger" answers from no dialogs at all.
        UpcomingDialogs dialogs = UpcomingDialogs.none();
        this.slack = new SlackIntegration(SlackSettings.from(config), plan, database, clock, dialogs,
                SlackIntegration.ACK_BUDGET);
    }

    /**
     * Fills an empty database with the example plan under config/ through the ordinary import
     * (dates in it are relative to today, so the demo always has overdue and upcoming actions).
     * A database that already holds actions is left alone.
     */
    public void loadDemo() {
        if (!plan.actions(ActionFilter.all()).isEmpty()) {
            log.info("Demo data not loaded: the database already holds actions");
            return;
        }
        Path file = Path.of("config/demo-plan.csv");
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            LocalDate today = plan.today();
            Matcher matcher = Pattern.compile("\\$\\{today([+-]\\d+)\\}").matcher(text);
            String dated = matcher.replaceAll(match -> today.plusDays(Long.parseLong(match.group(1))).toString());
            var result = transfer.importCsv(dated.getBytes(StandardCharsets.UTF_8), "demo");
            plan.createPerson(new PersonDraft("Koordinator Demo", "koordinator@example.se", null, PersonRole.COORDINATOR));
            log.info("Demo data loaded from {}: {}", file, result.summary());
        } catch (IOException e) {
            throw new ConfigException("Demodata saknas: " + file + " kan inte läsas (" + e.getMessage() + ")");
        }
    }

    /** Starts the web server (port 0 picks a free one) and everything that runs beside it. */
    public Planbot start() {
        var auth = new Auth(tokens);
        var program = new LinkedHashMap<String, Object>();
        program.put("name", config.string("program.name"));
        program.put("period", config.string("program.period"));
        program.put("goal", config.string("program.goal"));
        List<Routes> faces = new ArrayList<>();
        faces.add(new PlanApi(plan, auth, json, program));
        slack.start();
        slack.routes().ifPresent(faces::add);
        List<HealthCheck> checks = new ArrayList<>();
        checks.add(new HealthCheck() {
            @Override
            public String name() {
                return "database";
            }

            @Override
            public Map<String, Object> status() {
                boolean ok = database.isHealthy();
                return Map.of("ok", ok, "path", database.file().toString());
            }
        });
        checks.add(slack.health());
        web = new WebServer(json, faces, checks).start(config.port("http.port"));
        log.info("Planbot listening on http://localhost:{} (database {})", web.port(), database.file());
        return this;
    }

    public int port() {
        return web.port();
    }

    public Database database() {
        return database;
    }

    public PlanService plan() {
        return plan;
    }

    public PlanTransfer transfer() {
        return transfer;
    }

    public ApiTokens tokens() {
        return tokens;
    }

    public Outbox outbox() {
        return outbox;
    }

    public SlackIntegration slack() {
        return slack;
    }

    /** What the Slack command would answer to {@code text} from {@code slackUserId}, as plain text. */
    public String ask(String text, Optional<String> slackUserId) {
        var settings = slack.settings();
        return new PlainTextAnswer(slack.engine().texts(), zone, settings.command())
                .render(slack.engine().answer(text, slackUserId));
    }

    @Override
    public void close() {
        if (web != null) {
            web.stop();
        }
        slack.close();
        database.close();
    }
}
