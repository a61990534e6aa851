package se.planbot.dialogs;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planbot.db.Database;
import se.planbot.plan.PlanService;
import se.planbot.plan.Strategy;
import se.planbot.problem.InvalidInput;
import se.planbot.problem.NotFound;
import se.planbot.subscribers.Subscriber;
import se.planbot.subscribers.SubscriberService;
import se.planbot.subscribers.SubscriberStatus;

/**
 * Dialogs and their invitations. Publishing invites every confirmed subscriber whose topics
 * meet the dialog's strategies; a later change of time or place raises SEQUENCE and tells everyone
 * invited or registered; cancelling tells them too. Each mail is queued in the change's transaction.
 */
public final class DialogService {

    private static final Logger log = LoggerFactory.getLogger(DialogService.class);

    private final Database database;
    private final PlanService plan;
    private final SubscriberService subscribers;
    private final DialogMails mails;
    private final Clock clock;
    private final ZoneId zone;
    private final String uidDomain;
    private final DialogStore store = new DialogStore();
    private final RegistrationStore registrations;
    private final WaitingList waitingList;
    private final DialogRules rules;

    DialogService(Database database, PlanService plan, SubscriberService subscribers, DialogMails mails,
            RegistrationStore registrations, WaitingList waitingList, Clock clock, ZoneId zone, String uidDomain) {
        this.waitingList = waitingList;
        this.rules = new DialogRules(zone);
        this.database = database;
        this.plan = plan;
        this.subscribers = subscribers;
        this.mails = mails;
        this.registrations = registrations;
        this.clock = clock;
        this.zone = zone;
        this.uidDomain = uidDomain;
    }

    public Optional<Dialog> dialog(long id) {
        return database.read(connection -> store.byId(connection, id));
    }

    public Dialog require(long id) {
        return dialog(id).orElseThrow(() -> new NotFound("Dialog " + id + " finns inte"));
    }

    /** A dialog the public may see: published or cancelled, never a draft. */
    public Optional<Dialog> publicDialog(long id) {
        return dialog(id).filter(dialog -> dialog.state() != DialogState.DRAFT);
    }

    /** True while a business can register: published and not yet started. */
    public boolean registrationOpen(Dialog dialog) {
        return dialog.state() == DialogState.PUBLISHED && dialog.startsAt().isAfter(clock.instant());
    }

    /** Published and cancelled dialogs that have not ended (or, with {@code pastDays}, ended lately). */
    public List<Dialog> publicDialogs(int pastDays) {
        Instant from = clock.instant().minus(pastDays, ChronoUnit.DAYS);
        return database.read(connection -> store.list(connection,
                List.of(DialogState.PUBLISHED, DialogState.CANCELLED), from));
    }

    /** Published dialogs that have not started yet, soonest first (Slack's "dialoger"). */
    public List<Dialog> upcoming(int limit) {
        Instant now = clock.instant();
        return publicDialogs(0).stream()
                .filter(dialog -> dialog.state() == DialogState.PUBLISHED && dialog.startsAt().isAfter(now))
                .sorted(Comparator.comparing(Dialog::startsAt))
                .limit(limit)
                .toList();
    }

    /** Every dialog that ends after {@code from}, drafts too: for the coordinator. */
    public List<Dialog> allDialogs(Instant from) {
        return database.read(connection -> store.list(connection, List.of(DialogState.values()), from));
    }

    public Dialog create(DialogDraft draft) {
        Dialog values = rules.check(draft, null, knownStrategies());
        return database.write(connection -> {
            String uid = "dialog-" + UUID.randomUUID() + "@" + uidDomain;
            long id = store.insert(connection, uid, values, clock.instant());
            return store.byId(connection, id).orElseThrow();
        });
    }

    /** Changes a draft or a published dialog; a published one's invitees hear of a new time or place. */
    public Dialog update(long id, DialogDraft patch) {
        // Read before the write transaction: a read connection cannot begin while the writer holds the lock.
        List<Integer> known = knownStrategies();
        return database.write(connection -> {
            Dialog current = store.byId(connection, id).orElseThrow(() -> new NotFound("Dialog " + id + " finns inte"));
            if (current.state() == DialogState.CANCELLED) {
                throw new InvalidInput("state", "dialogen är inställd och kan inte ändras");
            }
            Dialog merged = rules.check(patch, current, known);
            boolean moved = !merged.startsAt().equals(current.startsAt()) || !merged.endsAt().equals(current.endsAt())
                    || !merged.place().equals(current.place()) || !merged.onlineUrl().equals(current.onlineUrl());
            boolean tell = moved && current.state() == DialogState.PUBLISHED;
            // Publishing refuses a dialog that has begun; moving a published one there would mail
            // everyone a meeting that has already been.
            if (tell && !merged.startsAt().equals(current.startsAt()) && !merged.startsAt().isAfter(clock.instant())) {
                throw new InvalidInput("start", "en publicerad dialog kan inte flyttas till en tid som redan har varit");
            }
            Dialog saved = withSequence(merged, tell ? current.sequence() + 1 : current.sequence());
            store.update(connection, saved, clock.instant());
            Dialog after = store.byId(connection, id).orElseThrow();
            if (tell) {
                int told = tellEveryone(connection, after, "dialog-update");
                log.info("Dialog {} moved (sequence {}): {} updates queued", id, after.sequence(), told);
            }
            // More seats (or no limit any more) go to the waiting list at once.
            if (waitingList.fillFreeSeats(connection, id) > 0) {
                after = store.byId(connection, id).orElseThrow();
            }
            return after;
        });
    }

    /** Publishes a draft and queues the invitations; publishing again changes nothing. */
    public Dialog publish(long id) {
        return database.write(connection -> {
            Dialog current = store.byId(connection, id).orElseThrow(() -> new NotFound("Dialog " + id + " finns inte"));
            if (current.state() == DialogState.CANCELLED) {
                throw new InvalidInput("state", "dialogen är inställd och kan inte publiceras");
            }
            if (current.state() == DialogState.PUBLISHED) {
                return current;
            }
            if (!current.startsAt().isAfter(clock.instant())) {
                throw new InvalidInput("start", "dialogen har redan börjat; ändra tiden innan du publicerar");
            }
            store.setState(connection, id, DialogState.PUBLISHED, current.sequence(), clock.instant());
            Dialog published = store.byId(connection, id).orElseThrow();
            int invited = 0;
            for (Subscriber subscriber : subscribers.confirmedFor(connection, published.strategies())) {
                if (store.invite(connection, id, subscriber.id(), clock.instant())) {
                    mails.toSubscriber(connection, "dialog-invitation",
                            "dialog-invitation:" + id + ":s" + subscriber.id(), published, subscriber);
                    invited++;
                }
            }
            log.info("Dialog {} published: {} invitations queued", id, invited);
            return published;
        });
    }

    /**
     * How many subscribers {@link #publish} would invite now: confirmed, with a topic among the
     * dialog's strategies (or any, when it names none), not invited before. Zero unless a draft.
     */
    public int invitationsOnPublish(long id) {
        return database.read(connection -> {
            Dialog current = store.byId(connection, id).orElseThrow(() -> new NotFound("Dialog " + id + " finns inte"));
            if (current.state() != DialogState.DRAFT) {
                return 0;
            }
            Set<Long> invited = new java.util.HashSet<>(store.invited(connection, id));
            return (int) subscribers.confirmedFor(connection, current.strategies()).stream()
                    .filter(subscriber -> !invited.contains(subscriber.id())).count();
        });
    }

    /** Cancels a dialog and tells everyone invited or registered (METHOD:CANCEL); repeat is a no-op. */
    public Dialog cancel(long id) {
        return database.write(connection -> {
            Dialog current = store.byId(connection, id).orElseThrow(() -> new NotFound("Dialog " + id + " finns inte"));
            if (current.state() == DialogState.CANCELLED) {
                return current;
            }
            boolean wasPublished = current.state() == DialogState.PUBLISHED;
            store.setState(connection, id, DialogState.CANCELLED, current.sequence() + 1, clock.instant());
            Dialog cancelled = store.byId(connection, id).orElseThrow();
            if (wasPublished) {
                int told = tellEveryone(connection, cancelled, "dialog-cancel");
                log.info("Dialog {} cancelled: {} cancellations queued", id, told);
            }
            return cancelled;
        });
    }

    /** One mail per person: registrants (by their registration) first, then invited subscribers. */
    private int tellEveryone(Connection connection, Dialog dialog, String template) throws SQLException {
        Set<String> told = new LinkedHashSet<>();
        String prefix = template + ":" + dialog.id() + ":" + dialog.sequence() + ":";
        for (Registration registration : registrations.ofDialog(connection, dialog.id(),
                List.of(RegistrationStatus.REGISTERED, RegistrationStatus.WAITING))) {
            if (told.add(registration.email().toLowerCase(Locale.ROOT))) {
                mails.toRegistrant(connection, template, prefix + "r" + registration.id(), dialog, registration);
            }
        }
        for (long subscriberId : store.invited(connection, dialog.id())) {
            Optional<Subscriber> subscriber = subscribers.subscriber(connection, subscriberId)
                    .filter(found -> found.status() == SubscriberStatus.CONFIRMED);
            if (subscriber.isPresent() && told.add(subscriber.get().email().toLowerCase(Locale.ROOT))) {
                mails.toSubscriber(connection, template, prefix + "s" + subscriberId, dialog, subscriber.get());
            }
        }
        return told.size();
    }

    private List<Integer> knownStrategies() {
        return plan.strategies().stream().map(Strategy::id).toList();
    }

    private static Dialog withSequence(Dialog d, int sequence) {
        return new Dialog(d.id(), d.uid(), d.title(), d.theme(), d.description(), d.startsAt(), d.endsAt(), d.place(),
                d.onlineUrl(), d.capacity(), d.state(), sequence, d.strategies(), d.registered(), d.updatedAt());
    }

}
