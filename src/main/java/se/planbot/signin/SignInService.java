package se.planbot.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Optional;
import se.planbot.db.Database;
import se.planbot.outbox.Channel;
import se.planbot.outbox.Outbox;
import se.planbot.outbox.OutgoingMessage;
import se.planbot.plan.Person;
import se.planbot.plan.PlanService;
import se.planbot.problem.InvalidInput;
import se.planbot.problem.NotFound;

/**
 * Signing in to the console without passwords. A person asks for a link with their address; a
 * one-time link (15 minutes, 256 random bits, stored hashed) is mailed through the outbox; using
 * it begins a server-side session whose secret lives in the browser's cookie only. A session ends
 * at sign-out, after {@code idleTimeout} without use, or when the person's role changes or they
 * are removed (the V20 triggers and cascade). Every way of signing in ends in {@link #signIn}.
 */
public final class SignInService {

    public static final Duration LINK_LIFETIME = Duration.ofMinutes(15);
    public static final String VIA_MAIL_LINK = "mail-link";
    /** A session's last use is written at most this often (a page view is a read, not a write). */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Database database;
    private final PlanService plan;
    private final Outbox outbox;
    private final Clock clock;
    private final String baseUrl;
    private final Duration idleTimeout;
    private final SignInStore store = new SignInStore();

    public SignInService(Database database, PlanService plan, Outbox outbox, Clock clock, String baseUrl,
            Duration idleTimeout) {
        this.database = database;
        this.plan = plan;
        this.outbox = outbox;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.idleTimeout = idleTimeout;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    /**
     * Mails a sign-in link when {@code email} belongs to a person; otherwise does nothing. The
     * caller cannot tell which happened, so neither can whoever typed the address.
     */
    public void mailLink(String email, Locale locale) {
        String address = email == null ? "" : email.trim();
        if (address.isEmpty() || address.length() > 254 || !address.matches("[^@\\s]+@[^@\\s]+")) {
            throw new InvalidInput("email", "Ange din e-postadress, till exempel namn@kommun.se.");
        }
        Optional<Person> person = plan.personByEmail(address);
        if (person.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        var token = SecretToken.issue();
        boolean english = locale != null && "en".equals(locale.getLanguage());
        var model = new LinkedHashMap<String, Object>();
        model.put("name", person.get().name());
        model.put("signInUrl", baseUrl + "/admin/login/link?" + (english ? "locale=en&" : "") + "token=" + token.plain());
        model.put("minutes", LINK_LIFETIME.toMinutes());
        database.write(connection -> {
            store.deleteStale(connection, now.minus(idleTimeout), now);
            store.insertLink(connection, token.hash(), person.get().id(), now, now.plus(LINK_LIFETIME));
            outbox.enqueue(connection, new OutgoingMessage("sign-in:" + person.get().id() + ":" + token.hash().substring(0, 16),
                    Channel.EMAIL, person.get().email(), person.get().name(), "sign-in-link", model,
                    english ? Locale.ENGLISH : Locale.forLanguageTag("sv-SE")));
            return null;
        });
    }

    /** True when the link can still sign someone in (reads only: a mail scanner's GET uses nothing up). */
    public boolean linkIsUsable(String token) {
        return database.read(connection -> store.usableLink(connection, SecretToken.hash(token), clock.instant()))
                .isPresent();
    }

    /** Uses the link (once) and begins its person's session; empty when the link is expired, used or unknown. */
    public Optional<NewSession> signInWithLink(String token) {
        String hash = SecretToken.hash(token);
        Instant now = clock.instant();
        Optional<Long> personId = database.write(connection -> {
            Optional<Long> person = store.usableLink(connection, hash, now);
            if (person.isPresent() && store.useLink(connection, hash, now)) {
                return person;
            }
            return Optional.<Long>empty();
        });
        return personId.map(id -> signIn(id, VIA_MAIL_LINK));
    }

    /**
     * Begins a session for {@code personId}, however they proved who they are ({@code via}: a mail
     * link, single sign-on). The only place a session is made.
     */
    public NewSession signIn(long personId, String via) {
        Person person = plan.person(personId).orElseThrow(() -> new NotFound("Person " + personId + " finns inte"));
        Instant now = clock.instant();
        var secret = SecretToken.issue();
        database.write(connection -> {
            store.deleteStale(connection, now.minus(idleTimeout), now);
            store.insertSession(connection, secret.hash(), personId, via, now);
            return null;
        });
        return new NewSession(secret.plain(), new ConsoleSession(person, via, now));
    }

    /** The session of a cookie's secret, if it is still valid; using it keeps it alive. */
    public Optional<ConsoleSession> session(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        String hash = SecretToken.hash(secret);
        Instant now = clock.instant();
        var row = database.read(connection -> store.session(connection, hash));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        if (row.get().lastSeenAt().plus(idleTimeout).isBefore(now)) {
            database.write(connection -> {
                store.deleteSession(connection, hash);
                return null;
            });
            return Optional.empty();
        }
        Optional<Person> person = plan.person(row.get().personId());
        if (person.isEmpty()) {
            return Optional.empty();
        }
        if (row.get().lastSeenAt().plus(TOUCH_EVERY).isBefore(now)) {
            database.write(connection -> {
                store.touch(connection, hash, now);
                return null;
            });
        }
        return Optional.of(new ConsoleSession(person.get(), row.get().via(), row.get().createdAt()));
    }

    /** Ends the session of a cookie's secret; an unknown or ended one changes nothing. */
    public void signOut(String secret) {
        String hash = SecretToken.hash(secret);
        database.write(connection -> {
            store.deleteSession(connection, hash);
            return null;
        });
    }
}
