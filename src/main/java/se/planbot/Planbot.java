package se.planbot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.time.DayOfWeek;
import java.time.temporal.TemporalAdjusters;
import java.time.Duration;
import java.time.ZonedDateTime;
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
import se.planbot.db.DatabaseCheck;
import se.planbot.dialogs.DialogDraft;
import se.planbot.dialogs.Dialogs;
import se.planbot.dialogs.MailFrom;
import se.planbot.dialogs.RegistrationPersonalData;
import se.planbot.outbox.OutboxPersonalData;
import se.planbot.reminders.ReminderSource;
import se.planbot.subscribers.OutboxHolder;
import se.planbot.subscribers.ExpiredSignUps;
import se.planbot.subscribers.PersonalDataService;
import se.planbot.subscribers.SubscriberService;
import se.planbot.oidc.OidcSignIn;
import se.planbot.signin.OwnerLinks;
import se.planbot.signin.SignInService;
import se.planbot.web.ConsoleWeb;
import se.planbot.web.PebbleRenderer;
import se.planbot.mail.MailSenders;
import se.planbot.mail.MailSettings;
import se.planbot.mail.MailTemplates;
import se.planbot.mail.SmtpLogin;
import se.planbot.outbox.Dispatcher;
import se.planbot.outbox.DispatcherLoop;
import se.planbot.outbox.Outbox;
import se.planbot.outbox.OutboxAdmin;
import se.planbot.outbox.Sender;
import se.planbot.plan.ActionFilter;
import se.planbot.plan.PersonDraft;
import se.planbot.plan.PersonRole;
import se.planbot.plan.PlanService;
import se.planbot.plan.PlanTransfer;
import se.planbot.reminders.DigestSection;
import se.planbot.reminders.RemindReport;
import se.planbot.reminders.ReminderScheduler;
import se.planbot.reminders.ReminderSettings;
import se.planbot.reminders.ReminderSource;
import se.planbot.reminders.ReminderSweep;
import se.planbot.reminders.WorkingDays;
import se.planbot.slack.PlainTextAnswer;
import se.planbot.slack.SlackIntegration;
import se.planbot.slack.SlackSettings;
import se.planbot.slack.UpcomingDialogs;
import se.planbot.dialogs.Dialog;
import se.planbot.dialogs.DialogDigest;
import se.planbot.dialogs.DialogState;
import se.planbot.http.HealthCheck;
import se.planbot.web.Metrics;
import se.planbot.web.OutboxApi;
import se.planbot.web.OutboxHealth;
import se.planbot.web.SchedulerHealth;
import se.planbot.web.PlanApi;
import se.planbot.web.TransferApi;
import se.planbot.web.WebServer;
import se.planbot.web.WebFaces;
import se.planbot.web.Route;
import se.planbot.web.Health;
import se.planbot.web.ConsoleSessions;

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
    final SubscriberService subscribers;
    final PersonalDataService personalData;
    final Dialogs dialogs;
    final SignInService signIn;
    final OwnerLinks ownerLinks;
    final Optional<OidcSignIn> oidc;
    final Metrics metrics = new Metrics();
    final OutboxAdmin outboxAdmin;
    final MailSettings mailSettings;
    final MailTemplates mailTemplates;
    final SmtpLogin smtpLogin;
    /** One sender per channel; the dispatcher routes each outbox row to its channel's sender. */
    final List<Sender> senders = new ArrayList<>();
    /** Other features' reminder rules, run by every sweep. */
    final List<ReminderSource> reminderSources = new ArrayList<>();
    /** Other features' parts of the coordinator's digest. */
    final List<DigestSection> digestSections = new ArrayList<>();
    final WorkingDays workingDays = new WorkingDays();
    final ReminderSettings reminderSettings;
    private Dispatcher dispatcher;
    private ReminderSweep sweep;
    private DispatcherLoop dispatcherLoop;
    private ReminderScheduler scheduler;
    final SlackIntegration slack;
    private WebServer web;
    private List<Route> routes = List.of();

    public Planbot(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.zone = config.zone("timezone");
        this.locale = config.locale("locale");
        config.port("http.port");
        config.baseUrl("public.base-url");
        this.json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        this.database = Database.open(config.path("db.path"));
        this.plan = new PlanService(database, clock, zone);
        this.transfer = new PlanTransfer(plan);
        this.tokens = new ApiTokens(database, clock);
        this.outbox = new Outbox(clock);
        this.outboxAdmin = new OutboxAdmin(database, clock);
        this.mailSettings = MailSettings.from(config);
        this.mailTemplates = new MailTemplates(config.path("templates.dir"));
        this.smtpLogin = SmtpLogin.from(config, mailSettings, clock);
        this.senders.add(MailSenders.create(mailSettings, mailTemplates, clock, smtpLogin));
        this.reminderSettings = ReminderSettings.from(config, slackEnabled());
        this.subscribers = new SubscriberService(database, outbox, plan, clock, zone, config.baseUrl("public.base-url"),
                config.required("subscribe.consent-version"));
        this.personalData = new PersonalDataService(database, subscribers, plan, clock,
                List.of(new RegistrationPersonalData(), new OutboxHolder(new OutboxPersonalData())));
        var from = MailFrom.parse(config.string("mail.from"));
        this.dialogs = Dialogs.create(database, plan, subscribers, outbox, clock, zone,
                config.baseUrl("public.base-url"), from.address(), from.name());
        this.signIn = new SignInService(database, plan, outbox, clock, config.baseUrl("public.base-url"),
                Duration.ofMinutes(config.integer("console.idle-timeout-minutes", 5, 60 * 24 * 30)));
        this.ownerLinks = new OwnerLinks(database, plan, clock);
        this.oidc = OidcSignIn.from(config, database, plan, clock);
        reminderSources.add(dialogs.reminders());
        reminderSources.add(new ExpiredSignUps(personalData));
        digestSections.add(new DialogDigest(config.baseUrl("public.base-url"), zone));
        this.slack = new SlackIntegration(SlackSettings.from(config), plan, database, clock,
                upcomingDialogs(), SlackIntegration.ACK_BUDGET);
        slack.sender().ifPresent(senders::add);
    }

    /** Slack is on when both the bot token and the signing secret are set. */
    public boolean slackEnabled() {
        return config.optional("slack.bot-token").isPresent() && config.optional("slack.signing-secret").isPresent();
    }

    /** The dispatcher over every registered sender (built on first use, after all senders are added). */
    public synchronized Dispatcher dispatcher() {
        if (dispatcher == null) {
            dispatcher = new Dispatcher(database, senders, clock,
                    Duration.ofHours(config.integer("outbox.max-age-hours", 1, 24 * 90)));
        }
        return dispatcher;
    }

    /** The reminder sweep over Planbot's own rules and every registered {@link ReminderSource}. */
    public synchronized ReminderSweep sweep() {
        if (sweep == null) {
            sweep = new ReminderSweep(database, plan, outbox, reminderSettings, workingDays,
                    List.copyOf(reminderSources), List.copyOf(digestSections), ownerLinks);
        }
        return sweep;
    }

    /**
     * {@code remind}: every reminder rule once as of the clock's now, then one dispatch of the
     * outbox. A dry run queues nothing and sends nothing; it reports what would happen.
     */
    public RemindReport remind(boolean dryRun) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        if (dryRun) {
            return new RemindReport(sweep().preview(now, dispatcher().channels()), List.of(), true, waiting());
        }
        dispatcher().recoverInterrupted();
        var result = sweep().run(now);
        var deliveries = dispatcher().dispatchDue();
        return new RemindReport(result, deliveries, false, waiting());
    }

    /** Slack's "dialoger": published dialogs that have not started yet, soonest first. */
    private UpcomingDialogs upcomingDialogs() {
        String baseUrl = config.baseUrl("public.base-url");
        return limit -> dialogs.dialogs().publicDialogs(0).stream()
                .filter(dialog -> dialog.state() == DialogState.PUBLISHED && dialog.startsAt().isAfter(clock.instant()))
                .sorted(Comparator.comparing(Dialog::startsAt))
                .limit(limit)
                .map(dialog -> new UpcomingDialogs.Dialog(dialog.id(), dialog.title(), dialog.startsAt().atZone(zone),
                        dialog.place() == null || dialog.place().isBlank() ? dialog.onlineUrl() : dialog.place(),
                        baseUrl + "/dialogs/" + dialog.id()))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> waiting() {
        return (Map<String, Long>) outboxAdmin.counts(dispatcher().channels()).get("waitingForChannel");
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
            var breakfast = today.plusDays(14).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY)).atTime(8, 0);
            var dialog = dialogs.dialogs().create(new DialogDraft("Frukostmöte om kompetensförsörjning",
                    "Kompetensförsörjning", "Hur hittar och behåller företagen i kommunen rätt kompetens?",
                    breakfast, breakfast.plusMinutes(90), "Stadshuset, sal 1", "", 40, List.of(2)));
            dialogs.dialogs().publish(dialog.id());
            log.info("Demo data loaded from {}: {}, and one published dialog", file, result.summary());
        } catch (IOException e) {
            throw new ConfigException("Demodata saknas: " + file + " kan inte läsas (" + e.getMessage() + ")");
        }
    }

    /** Starts the web server (port 0 picks a free one) and everything that runs beside it. */
    public Planbot start() {
        return start(ConsoleWeb.sessions(signIn, config.baseUrl("public.base-url").startsWith("https:")));
    }

    /** As {@link #start()}, with {@code sessions} telling who is signed in to the console. */
    public Planbot start(ConsoleSessions sessions) {
        var program = new LinkedHashMap<String, Object>();
        program.put("name", config.string("program.name"));
        program.put("period", config.string("program.period"));
        program.put("goal", config.string("program.goal"));
        var site = new LinkedHashMap<String, Object>(program);
        site.put("accessibilityContact", config.optional("accessibility.contact-email")
                .orElse(MailFrom.parse(config.string("mail.from")).address()));
        var webSettings = new WebFaces.Settings(site, locale, config.baseUrl("public.base-url").startsWith("https:"),
                config.bool("web.trust-forwarded-for"), config.integer("web.forms-per-hour", 1, 100_000));
        var web = WebFaces.create(new PebbleRenderer(config.path("templates.dir")), webSettings, plan, subscribers,
                personalData, dialogs, tokens, sessions, json, clock, zone);
        var console = ConsoleWeb.create(web.renderer(), webSettings, signIn, ownerLinks, plan, clock, zone, oidc,
                config.bool("auth.mail-link"));
        metrics.gauge("planbot_actions", "Actions in the plan, by status",
                () -> countByStatus());
        metrics.gauge("planbot_actions_overdue", "Open actions past their deadline",
                () -> Map.of("", plan.countOverdue()));
        metrics.gauge("planbot_outbox_messages", "Outbox messages not yet sent, by state", () -> {
            var counts = outboxAdmin.counts(dispatcher().channels());
            var values = new LinkedHashMap<String, Number>();
            for (String state : List.of("pending", "sending", "dead")) {
                values.put("state=\"" + state + "\"", (Number) counts.get(state));
            }
            return values;
        });
        slack.start();
        List<HealthCheck> checks = new ArrayList<>();
        checks.add(HealthCheck.of("database", new DatabaseCheck(database, clock)::status));
        checks.add(new OutboxHealth(outboxAdmin, dispatcher().channels()));
        dispatcherLoop = new DispatcherLoop(dispatcher(),
                Duration.ofSeconds(config.integer("outbox.poll-seconds", 1, 3600)));
        scheduler = new ReminderScheduler(reminderSettings, () -> {
            sweep().run(ZonedDateTime.now(clock.withZone(zone)));
            dispatcherLoop.nudge();
        });
        checks.add(new SchedulerHealth(scheduler));
        checks.add(slack.health());
        smtpLogin.health().ifPresent(checks::add);
        routes = new RouteTable(web, console, new PlanApi(plan, json, program), new TransferApi(transfer),
                new OutboxApi(outboxAdmin), new Health(checks), metrics, slack.events()).routes();
        this.web = new WebServer(json, routes, web.guard(), metrics, web.renderer(), web.pageNotFound())
                .start(config.port("http.port"));
        // Only once the port is ours: a second Planbot on the same port must not start sending.
        dispatcherLoop.start();
        scheduler.start();
        log.info("Planbot listening on http://localhost:{} (database {})", this.web.port(), database.file());
        return this;
    }

    /** Every HTTP route with its access level, once started. */
    public List<Route> routes() {
        return routes;
    }

    private Map<String, Number> countByStatus() {
        var counts = new LinkedHashMap<String, Number>();
        plan.countByStatus().forEach((status, count) -> counts.put("status=\"" + status.code() + "\"", count));
        return counts;
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

    public SubscriberService subscribers() {
        return subscribers;
    }

    public SignInService signIn() {
        return signIn;
    }

    public Dialogs dialogs() {
        return dialogs;
    }

    /** The dialogs' reminder rule (registered participants, the working day before) for the reminder sweep. */
    public ReminderSource registrationReminders() {
        return dialogs.reminders();
    }

    public OutboxAdmin outboxAdmin() {
        return outboxAdmin;
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
        if (scheduler != null) {
            scheduler.close();
        }
        if (dispatcherLoop != null) {
            dispatcherLoop.close();
        }
        if (web != null) {
            web.stop();
        }
        slack.close();
        database.close();
    }
}
