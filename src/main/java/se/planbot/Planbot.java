package se.planbot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planbot.auth.ApiTokens;
import se.planbot.config.Config;
import se.planbot.db.Database;
import se.planbot.db.DatabaseCheck;
import se.planbot.db.DatabaseSettings;
import se.planbot.http.HealthCheck;
import se.planbot.indicators.DemoIndicators;
import se.planbot.indicators.FetchReport;
import se.planbot.indicators.IndicatorDigest;
import se.planbot.indicators.IndicatorService;
import se.planbot.indicators.KoladaFetch;
import se.planbot.indicators.KoladaSettings;
import se.planbot.indicators.KoladaUnavailable;
import se.planbot.dialogs.DialogDigest;
import se.planbot.dialogs.Dialogs;
import se.planbot.dialogs.MailFrom;
import se.planbot.dialogs.RegistrationPersonalData;
import se.planbot.followup.FollowUp;
import se.planbot.followup.FollowUpDue;
import se.planbot.followup.IndicatorServiceFigures;
import se.planbot.followup.ProposalServiceOutcomes;
import se.planbot.mail.MailSenders;
import se.planbot.mail.MailSettings;
import se.planbot.mail.SmtpLogin;
import se.planbot.mail.MailTemplates;
import se.planbot.outbox.Dispatcher;
import se.planbot.outbox.DispatcherLoop;
import se.planbot.outbox.Outbox;
import se.planbot.outbox.OutboxAdmin;
import se.planbot.outbox.OutboxPersonalData;
import se.planbot.outbox.Sender;
import se.planbot.plan.PlanService;
import se.planbot.plan.PlanTransfer;
import se.planbot.proposals.ProposalDigest;
import se.planbot.proposals.ProposalPersonalData;
import se.planbot.proposals.ProposalProgressMails;
import se.planbot.proposals.ProposalService;
import se.planbot.reminders.DeadLetterNotice;
import se.planbot.reminders.DeadlineRules;
import se.planbot.reminders.Digest;
import se.planbot.reminders.DigestSchedule;
import se.planbot.reminders.OwnerReminders;
import se.planbot.reminders.RemindReport;
import se.planbot.reminders.ReminderScheduler;
import se.planbot.reminders.ReminderSettings;
import se.planbot.reminders.ReminderSweep;
import se.planbot.reminders.ScheduledRuns;
import se.planbot.reminders.SweepTask;
import se.planbot.reminders.WorkingDays;
import se.planbot.slack.IndicatorAnswers;
import se.planbot.slack.SlackIntegration;
import se.planbot.slack.ProposalsUnderReview;
import se.planbot.slack.SlackSettings;
import se.planbot.slack.UpcomingDialogs;
import se.planbot.subscribers.ExpiredSignUps;
import se.planbot.subscribers.OutboxHolder;
import se.planbot.subscribers.PersonalDataService;
import se.planbot.subscribers.SubscriberService;
import se.planbot.oidc.OidcSignIn;
import se.planbot.signin.OwnerLinks;
import se.planbot.signin.SignInService;
import se.planbot.web.ConsoleSessions;
import se.planbot.web.ConsoleTools;
import se.planbot.web.ConsoleWeb;
import se.planbot.web.FollowUpPages;
import se.planbot.web.Health;
import se.planbot.web.IndicatorApi;
import se.planbot.web.Metrics;
import se.planbot.web.OpenApiDocument;
import se.planbot.web.OutboxApi;
import se.planbot.web.OutboxHealth;
import se.planbot.web.PebbleRenderer;
import se.planbot.web.PlanApi;
import se.planbot.web.Route;
import se.planbot.web.SchedulerHealth;
import se.planbot.web.TransferApi;
import se.planbot.web.WebFaces;
import se.planbot.web.WebServer;

/**
 * Planbot put together: the one place that builds configuration, database, services and faces
 * with plain constructors. Commands build what they need from here; tests build exactly this.
 * The two flows read here: a request → {@link RouteTable} → face → feature → store; and
 * clock → {@link ReminderScheduler} → {@link ReminderSweep} over the {@link SweepTask}s → outbox →
 * {@link Dispatcher} over the senders.
 */
public final class Planbot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Planbot.class);

    private final Config config;
    private final Clock clock;
    private final ZoneId zone;
    private final int httpPort;
    private final String baseUrl;
    private final ObjectMapper json;
    private final Database database;
    private final PlanService plan;
    private final PlanTransfer transfer;
    private final IndicatorService indicators;
    private final KoladaFetch kolada;
    private final ApiTokens tokens;
    private final Outbox outbox;
    private final OutboxAdmin outboxAdmin;
    private final SubscriberService subscribers;
    private final PersonalDataService personalData;
    private final Dialogs dialogs;
    private final FollowUp followUp;
    private final ProposalService proposals;
    private final ReminderSettings reminderSettings;
    private final MailSettings mailSettings;
    private final SmtpLogin smtpLogin;
    private final SignInService signIn;
    private final OwnerLinks ownerLinks;
    private final Optional<OidcSignIn> oidc;
    private final SlackIntegration slack;
    private final Dispatcher dispatcher;
    private final ReminderSweep sweep;
    private DispatcherLoop dispatcherLoop;
    private ReminderScheduler scheduler;
    private final ScheduledRuns scheduledRuns;
    private WebServer web;
    private List<Route> routes = List.of();

    public Planbot(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.zone = config.zone("timezone");
        this.httpPort = config.port("http.port");
        this.baseUrl = config.baseUrl("public.base-url");
        this.json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        this.database = Database.open(databaseSettings(config));
        this.plan = new PlanService(database, clock, zone);
        this.transfer = new PlanTransfer(plan);
        this.indicators = new IndicatorService(database, clock);
        this.kolada = new KoladaFetch(indicators, KoladaSettings.from(config));
        this.tokens = new ApiTokens(database, clock);
        this.outbox = new Outbox(clock);
        this.outboxAdmin = new OutboxAdmin(database, clock);
        this.mailSettings = MailSettings.from(config);
        this.subscribers = new SubscriberService(database, outbox, plan, clock, zone, baseUrl,
                config.required("subscribe.consent-version"));
        this.personalData = new PersonalDataService(database, subscribers, plan, clock,
                List.of(new RegistrationPersonalData(), new ProposalPersonalData(clock),
                        new OutboxHolder(new OutboxPersonalData())));
        var from = MailFrom.parse(config.string("mail.from"));
        this.dialogs = Dialogs.create(database, plan, subscribers, outbox, clock, zone, baseUrl, from.address(),
                mailSettings.organisation());
        subscribers.welcomeWith(dialogs.welcome());
        this.proposals = new ProposalService(database, plan, dialogs.dialogs(), outbox, clock, zone, baseUrl,
                config.required("proposals.consent-version"),
                config.integer("proposals.form-days-after-dialog", 0, 3650));
        this.signIn = new SignInService(database, plan, outbox, clock, baseUrl,
                Duration.ofMinutes(config.integer("console.idle-timeout-minutes", 5, 60 * 24 * 30)));
        this.ownerLinks = new OwnerLinks(database, plan, clock);
        this.followUp = FollowUp.create(database, plan, dialogs.dialogs(), new IndicatorServiceFigures(indicators),
                new ProposalServiceOutcomes(proposals, plan), ownerLinks, outbox, clock, zone, baseUrl);
        this.oidc = OidcSignIn.from(config, database, plan, clock);
        this.slack = new SlackIntegration(SlackSettings.from(config), plan, database, clock,
                UpcomingDialogs.from(dialogs.dialogs(), zone, baseUrl), IndicatorAnswers.from(indicators, baseUrl),
                SlackIntegration.ACK_BUDGET);
        slack.engine().proposalsFrom(ProposalsUnderReview.from(proposals, baseUrl, config.locale("locale")));
        this.reminderSettings = ReminderSettings.from(config, slack.enabled());
        this.scheduledRuns = new ScheduledRuns(database);

        // Every message goes out through one sender per channel.
        var senders = new ArrayList<Sender>();
        smtpLogin = SmtpLogin.from(config, mailSettings, clock);
        senders.add(MailSenders.create(mailSettings, new MailTemplates(config.path("templates.dir")), clock, smtpLogin));
        slack.sender().ifPresent(senders::add);
        this.dispatcher = new Dispatcher(database, senders, clock,
                Duration.ofHours(config.integer("outbox.max-age-hours", 1, 24 * 90)));

        // Every sweep runs these tasks in this order; each queues into the outbox.
        var followUpDue = new FollowUpDue(FollowUpDue.parse(config.string("followup.due")), plan, outbox,
                reminderSettings);
        var workingDays = new WorkingDays();
        this.sweep = new ReminderSweep(database, outbox, workingDays, List.of(
                new OwnerReminders(plan, outbox, new DeadlineRules(reminderSettings.deadlineDays(), workingDays),
                        reminderSettings, ownerLinks),
                new Digest(plan, outbox, new DigestSchedule(reminderSettings.digestCron(), reminderSettings.zone()),
                        reminderSettings, List.of(new DialogDigest(baseUrl, zone), new IndicatorDigest(baseUrl),
                        new ProposalDigest(config.integer("proposals.review-days", 1, 3650), baseUrl), followUpDue)),
                new DeadLetterNotice(plan, outbox, reminderSettings),
                followUpDue,
                dialogs.reminders(),
                new ProposalProgressMails(proposals, baseUrl),
                new ExpiredSignUps(personalData)), ReminderSweep.gapsOf(plan, reminderSettings));
    }

    /** The start of the {@code reminders.sweep-minutes} slot {@code now} is in (slots start on the epoch's whole minutes). */
    Instant sweepSlot(Instant now) {
        long slot = reminderSettings.sweepMinutes() * 60L;
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), slot) * slot);
    }

    /** {@code db.url} when set (PostgreSQL, or SQLite spelled as a url), else the SQLite file {@code db.path}. */
    static DatabaseSettings databaseSettings(Config config) {
        return config.optional("db.url")
                .map(url -> new DatabaseSettings(url, config.string("db.username"), config.string("db.password")))
                .orElseGet(() -> DatabaseSettings.sqlite(config.path("db.path")));
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    public ReminderSweep sweep() {
        return sweep;
    }

    /**
     * {@code remind}: every sweep task once as of the clock's now, then one dispatch of the outbox
     * (which first takes back messages an interrupted process left sending). A dry run queues
     * nothing and sends nothing; it reports what would happen.
     */
    public RemindReport remind(boolean dryRun) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        if (dryRun) {
            return new RemindReport(sweep.preview(now, dispatcher.channels()), List.of(), true,
                    outboxAdmin.waitingForChannel(dispatcher.channels()));
        }
        var result = sweep.run(now);
        var deliveries = dispatcher.dispatchDue();
        return new RemindReport(result, deliveries, false, outboxAdmin.waitingForChannel(dispatcher.channels()));
    }

    /** {@code serve --demo}: the example plan and a dialog, into an empty database only. */
    public void loadDemo() {
        new Demo(plan, transfer, dialogs.dialogs(), new DemoIndicators(indicators), proposals).loadIntoEmptyDatabase();
    }

    /** Starts the web server (port 0 picks a free one) and everything that runs beside it. */
    public Planbot start() {
        return start(ConsoleWeb.sessions(signIn, baseUrl.startsWith("https:")));
    }

    /** As {@link #start()}, with {@code sessions} telling who is signed in to the console. */
    public Planbot start(ConsoleSessions sessions) {
        var program = new LinkedHashMap<String, Object>(Map.of("name", config.string("program.name"),
                "period", config.string("program.period"), "goal", config.string("program.goal")));
        var site = new LinkedHashMap<String, Object>(program);
        site.put("accessibilityContact", config.optional("accessibility.contact-email")
                .orElse(MailFrom.parse(config.string("mail.from")).address()));
        site.put("organisation", mailSettings.organisation().model());
        site.put("logoOrigin", mailSettings.organisation().logoOrigin());
        var webSettings = new WebFaces.Settings(site, config.locale("locale"), baseUrl.startsWith("https:"),
                config.bool("web.trust-forwarded-for"), config.integer("web.forms-per-hour", 1, 100_000));
        var faces = WebFaces.create(new PebbleRenderer(config.path("templates.dir")), webSettings, plan, subscribers,
                personalData, dialogs, proposals, tokens, sessions, json, clock, zone, indicators);
        dispatcherLoop = new DispatcherLoop(dispatcher, Duration.ofSeconds(config.integer("outbox.poll-seconds", 1, 3600)));
        Runnable sweepNow = () -> {
            sweep.run(ZonedDateTime.now(clock.withZone(zone)));
            dispatcherLoop.nudge();
        };
        scheduler = new ReminderScheduler(reminderSettings, (alarm, due) -> {
            switch (alarm) {
                // Once per due moment across instances: the sweep's slot of the clock (every
                // instance's slots line up), the digest's cron time.
                case "sweep" -> scheduledRuns.runOnce("sweep", sweepSlot(clock.instant()), sweepNow);
                case "digest" -> scheduledRuns.runOnce("digest", due, sweepNow);
                case "takeover" -> {
                    scheduledRuns.takeOver(abandoned -> sweepNow);
                    scheduledRuns.prune(Duration.ofDays(7));
                }
                // At start-up: catch up at once (every rule is idempotent, so beside another instance's sweep too).
                default -> sweepNow.run();
            }
        });
        if (kolada.enabled()) {
            scheduler.alsoAt("kolada", kolada.settings().fetchCron(), zone, this::scheduledFetch);
        }
        var checks = new ArrayList<HealthCheck>(List.of(HealthCheck.of("database", new DatabaseCheck(database, clock)::status),
                new OutboxHealth(outboxAdmin, dispatcher.channels()), new SchedulerHealth(scheduler), slack.health()));
        smtpLogin.health().ifPresent(checks::add);
        var health = new Health(checks);
        var metrics = Metrics.planbot(plan, outboxAdmin, dispatcher.channels());
        metrics.gauge("planbot_database_info", "The database in use (engine: sqlite or postgresql)",
                () -> Map.of("engine=\"" + database.dialect().code() + "\"", 1));
        slack.start();
        var console = ConsoleWeb.create(faces.renderer(), webSettings, signIn, ownerLinks, plan, outboxAdmin, clock, zone,
                oidc, config.bool("auth.mail-link"), sweep, indicators);
        var tools = ConsoleTools.create(faces.renderer(), webSettings,
                new ConsoleTools.Services(plan, transfer, dialogs, subscribers, personalData, tokens), json, clock, zone);
        var followUpPages = FollowUpPages.create(faces.renderer(), webSettings, followUp, ownerLinks, clock, zone);
        routes = new RouteTable(faces, console, tools, followUpPages, new PlanApi(plan, json, program),
                new TransferApi(transfer), new OutboxApi(outboxAdmin), new IndicatorApi(indicators, json),
                new OpenApiDocument(), health, metrics, slack.events()).routes();
        web = new WebServer(json, routes, faces.guard(), metrics, faces.renderer(), faces.pageNotFound()).start(httpPort);
        // Only once the port is ours: a second Planbot on the same port must not start sending.
        dispatcherLoop.start();
        scheduler.start();
        log.info("Planbot listening on http://localhost:{} (database {} {})", web.port(), database.dialect().code(),
                database.location());
        return this;
    }

    /** Every HTTP route with its access level, once started. */
    public List<Route> routes() {
        return routes;
    }

    public ZoneId zone() {
        return zone;
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

    /** {@code indicators fetch}: every Kolada-backed indicator, now; throws {@link KoladaUnavailable}, changing nothing. */
    public FetchReport fetchIndicators() {
        return kolada.run();
    }

    private void scheduledFetch() {
        try {
            kolada.run();
        } catch (KoladaUnavailable e) {
            log.warn("The yearly Kolada fetch failed, nothing was changed: {}", e.getMessage());
        }
    }

    /** The programme's indicators and their yearly values (issue 12). */
    public IndicatorService indicators() {
        return indicators;
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

    public PersonalDataService personalData() {
        return personalData;
    }

    public SignInService signIn() {
        return signIn;
    }

    public Dialogs dialogs() {
        return dialogs;
    }

    /** The yearly follow-up report: workflow and downloads. */
    public FollowUp followUp() {
        return followUp;

    }

    /** Proposals: coming in, review, decisions, and the read side for reports. */
    public ProposalService proposals() {
        return proposals;
    }

    /** The dialogs' sweep task (registered participants, the working day before). */
    public SweepTask registrationReminders() {
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
        return slack.answerAsText(text, slackUserId);
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.close();
        }
        scheduledRuns.close();
        if (dispatcherLoop != null) {
            dispatcherLoop.close();
        }
        if (dispatcher != null) {
            dispatcher.close();
        }
        if (web != null) {
            web.stop();
        }
        slack.close();
        database.close();
    }
}
