package se.planbot.subscribers;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.planbot.db.Database;
import se.planbot.outbox.Channel;
import se.planbot.outbox.OutgoingMessage;
import se.planbot.outbox.Outbox;
import se.planbot.plan.PlanService;
import se.planbot.plan.Strategy;
import se.planbot.problem.Errors;

/**
 * Subscriptions to dialog invitations: double opt-in, topics, unsubscribe (the GDPR rights are
 * {@link PersonalDataService}). No answer of this class tells a caller whether an address is known: sign-up
 * always "sends a mail", and what the mail says depends on the address's state.
 */
public final class SubscriberService {

    public static final Duration CONFIRM_LINK_LIFETIME = Duration.ofDays(7);
    /** Sign-ups of one address within this time mail it only once: no mail-bombing a known address. */
    static final Duration RESEND_PAUSE = Duration.ofMinutes(5);

    private final Database database;
    private final Outbox outbox;
    private final PlanService plan;
    private final Clock clock;
    private final ZoneId zone;
    private final String baseUrl;
    private final String consentVersion;
    private final SubscriberStore store = new SubscriberStore();
    private final SignUpRules rules;
    private WelcomeDialogs welcomeDialogs = WelcomeDialogs.NONE;

    public SubscriberService(Database database, Outbox outbox, PlanService plan, Clock clock, ZoneId zone,
            String baseUrl, String consentVersion) {
        this.database = database;
        this.outbox = outbox;
        this.plan = plan;
        this.clock = clock;
        this.zone = zone;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.consentVersion = consentVersion;
        this.rules = new SignUpRules(plan);
    }

    public String consentVersion() {
        return consentVersion;
    }

    /** Where the welcome mail's coming dialogs come from (the dialogs feature, built after this service). */
    public void welcomeWith(WelcomeDialogs dialogs) {
        this.welcomeDialogs = dialogs;
    }

    /**
     * A sign-up from the public form. New, pending or unsubscribed address: (again) pending with a
     * fresh 7-day confirmation link. Confirmed address: a mail with a link to its preferences,
     * nothing changed (the form's sender has not shown they own the address).
     */
    public void signUp(SignUp signUp) {
        SignUp clean = rules.check(signUp);
        String orgNumber = clean.orgNumber() == null ? null : OrganisationNumber.parse(clean.orgNumber()).orElseThrow();
        // Read before the write transaction: a read connection cannot begin while the writer holds the lock.
        List<String> topicTitles = topicTitles(clean.topics());
        database.write(connection -> {
            Instant now = clock.instant();
            Optional<Subscriber> known = store.byEmail(connection, clean.email());
            if (known.isPresent() && recentlyMailed(connection, known.get(), now)) {
                return null;
            }
            if (known.isPresent() && known.get().status() == SubscriberStatus.CONFIRMED) {
                Subscriber subscriber = known.get();
                String manage = issueManageLink(connection, subscriber.id());
                var model = new LinkedHashMap<String, Object>();
                model.put("name", subscriber.name());
                model.put("preferencesUrl", baseUrl + "/preferences?" + LinkTokens.languageQuery(subscriber.locale())
                        + "token=" + manage);
                outbox.enqueue(connection, new OutgoingMessage("subscribe-known:" + subscriber.id() + ":" + manage.substring(0, 12),
                        Channel.EMAIL, subscriber.email(), subscriber.name(), "subscribe-known", model, subscriber.locale()));
                return null;
            }
            long id;
            if (known.isPresent()) {
                id = known.get().id();
                store.updateDetails(connection, id, clean, orgNumber);
                store.setStatus(connection, id, SubscriberStatus.PENDING, now);
            } else {
                id = store.insert(connection, clean, orgNumber, now);
            }
            store.replaceTopics(connection, id, clean.topics());
            store.addConsent(connection, id, "given", consentVersion, clean.source(), now);
            store.dropTokens(connection, id, "confirm");
            var token = LinkTokens.issue();
            Instant expires = now.plus(CONFIRM_LINK_LIFETIME);
            store.addToken(connection, id, token.hash(), "confirm", now, expires);
            var model = new LinkedHashMap<String, Object>();
            model.put("name", clean.name());
            model.put("confirmUrl", baseUrl + "/subscribe/confirm?" + LinkTokens.languageQuery(clean.locale())
                    + "token=" + token.plain());
            model.put("expires", date(expires, clean.locale()));
            model.put("topics", topicTitles);
            outbox.enqueue(connection, new OutgoingMessage("subscribe-confirm:" + id + ":" + token.hash().substring(0, 16),
                    Channel.EMAIL, clean.email(), clean.name(), "subscribe-confirm", model, clean.locale()));
            return null;
        });
    }

    private boolean recentlyMailed(Connection connection, Subscriber subscriber, Instant now) throws SQLException {
        String purpose = subscriber.status() == SubscriberStatus.CONFIRMED ? "manage" : "confirm";
        return store.newestToken(connection, subscriber.id(), purpose)
                .filter(made -> made.isAfter(now.minus(RESEND_PAUSE))).isPresent();
    }

    /** The pending subscriber a confirmation link is for, if it is valid and unexpired (reads only). */
    public Optional<Subscriber> pendingFor(String token) {
        return database.read(connection -> store.byToken(connection, LinkTokens.hash(token), "confirm", clock.instant()));
    }

    /**
     * Confirms the subscription of a valid link (one use) and queues the welcome mail: the coming
     * dialogs that match, with links to register, and the preferences and unsubscribe links.
     * Empty when expired, used or tampered.
     */
    public Optional<Subscriber> confirm(String token, String source) {
        // Read before the write transaction: a read connection cannot begin while the writer holds the lock.
        List<Strategy> strategies = plan.strategies();
        return database.write(connection -> {
            Instant now = clock.instant();
            var found = store.byToken(connection, LinkTokens.hash(token), "confirm", now);
            if (found.isEmpty()) {
                return Optional.<Subscriber>empty();
            }
            long id = found.get().id();
            store.setStatus(connection, id, SubscriberStatus.CONFIRMED, now);
            store.addConsent(connection, id, "confirmed", consentVersion, source, now);
            // The used link stays, marked used, so opening it again says "redan bekräftad".
            store.keepUsed(connection, id, LinkTokens.hash(token), "confirm", now);
            Subscriber confirmed = store.byId(connection, id).orElseThrow();
            var model = new LinkedHashMap<String, Object>();
            model.put("name", confirmed.name());
            model.put("topics", titles(strategies, confirmed.topics()));
            model.put("dialogs", welcomeDialogs.offer(connection, confirmed));
            addManageLinks(connection, confirmed, model);
            outbox.enqueue(connection, new OutgoingMessage("subscribe-welcome:" + id + ":" + now.toEpochMilli(),
                    Channel.EMAIL, confirmed.email(), confirmed.name(), "subscribe-welcome", model, confirmed.locale()));
            return Optional.of(confirmed);
        });
    }

    /**
     * A fresh manage link in a mail to a subscriber: {@code unsubscribeLink} and {@code preferencesUrl}
     * for the text, and {@code unsubscribeUrl} for the List-Unsubscribe headers, which RFC 8058 allows
     * for https only (on a plain-http trial the visible link still works).
     */
    public void addManageLinks(Connection connection, Subscriber subscriber, Map<String, Object> model)
            throws SQLException {
        String token = issueManageLink(connection, subscriber.id());
        String language = LinkTokens.languageQuery(subscriber.locale());
        String unsubscribe = baseUrl + "/unsubscribe?" + language + "token=" + token;
        model.put("unsubscribeLink", unsubscribe);
        if (baseUrl.startsWith("https://")) {
            model.put("unsubscribeUrl", unsubscribe);
        }
        model.put("preferencesUrl", baseUrl + "/preferences?" + language + "token=" + token);
    }

    /** The subscriber a confirmation link already confirmed, while still confirmed. */
    public Optional<Subscriber> confirmedBy(String token) {
        return database.read(connection -> store.byUsedToken(connection, LinkTokens.hash(token), "confirm"))
                .filter(subscriber -> subscriber.status() == SubscriberStatus.CONFIRMED);
    }

    /** A new manage link (unsubscribe, preferences, my data) for a mail being queued now. */
    public String issueManageLink(Connection connection, long subscriberId) throws SQLException {
        var token = LinkTokens.issue();
        store.addToken(connection, subscriberId, token.hash(), "manage", clock.instant(), null);
        return token.plain();
    }

    /** The subscriber a manage link opens. */
    public Optional<Subscriber> forLink(String token) {
        return database.read(connection -> store.byToken(connection, LinkTokens.hash(token), "manage", clock.instant()));
    }

    /** Confirmed subscribers whose topics meet {@code strategies} (all confirmed when it is empty). */
    public List<Subscriber> confirmedFor(Connection connection, List<Integer> strategies) throws SQLException {
        return store.confirmedFor(connection, strategies);
    }

    /** Subscribers by status, and confirmed ones by strategy: the console's Prenumeranter page. */
    public SubscriberCounts counts() {
        return database.read(store::counts);
    }

    SubscriberStore store() {
        return store;
    }

    public Optional<Subscriber> subscriber(Connection connection, long id) throws SQLException {
        return store.byId(connection, id);
    }

    /** New topics from the preferences page; saving them also resumes an ended subscription. */
    public Optional<Subscriber> changeTopics(String token, List<Integer> topics, String source) {
        var errors = new Errors();
        Set<Integer> clean = rules.topics(topics, errors);
        errors.throwIfAny();
        return database.write(connection -> {
            Instant now = clock.instant();
            var found = store.byToken(connection, LinkTokens.hash(token), "manage", now);
            if (found.isEmpty()) {
                return Optional.<Subscriber>empty();
            }
            long id = found.get().id();
            store.replaceTopics(connection, id, clean);
            if (found.get().status() != SubscriberStatus.CONFIRMED) {
                store.setStatus(connection, id, SubscriberStatus.CONFIRMED, now);
            }
            store.addConsent(connection, id, "changed", consentVersion, source, now);
            return store.byId(connection, id);
        });
    }

    /** Ends the subscription of a link (idempotent); false when the link opens nothing. */
    public boolean unsubscribe(String token, String source) {
        return database.write(connection -> {
            Instant now = clock.instant();
            var found = store.byToken(connection, LinkTokens.hash(token), "manage", now);
            if (found.isEmpty()) {
                return false;
            }
            if (found.get().status() != SubscriberStatus.UNSUBSCRIBED) {
                store.setStatus(connection, found.get().id(), SubscriberStatus.UNSUBSCRIBED, now);
                store.addConsent(connection, found.get().id(), "withdrawn", consentVersion, source, now);
            }
            return true;
        });
    }

    public static boolean isEmail(String text) {
        return SignUpRules.isEmail(text);
    }

    /** The address in the form mail servers take (domain with å ä ö as xn--), if it is one. */
    public static java.util.Optional<String> mailable(String text) {
        return SignUpRules.mailable(text);
    }

    static String checkEmail(String email) {
        return SignUpRules.checkEmail(email);
    }

    private List<String> topicTitles(List<Integer> topics) {
        return titles(plan.strategies(), topics);
    }

    private static List<String> titles(List<Strategy> strategies, List<Integer> topics) {
        var titles = new ArrayList<String>();
        for (Strategy strategy : strategies) {
            if (topics.contains(strategy.id())) {
                titles.add(strategy.id() + ". " + strategy.title());
            }
        }
        return titles;
    }

    private String date(Instant instant, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(instant.atZone(zone));
    }
}
