package se.planbot.dialogs;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import se.planbot.db.Database;
import se.planbot.plan.PlanService;
import se.planbot.plan.Strategy;
import se.planbot.problem.Errors;
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

    DialogService(Database database, PlanService plan, SubscriberService subscribers, DialogMails mails,
            RegistrationStore registrations, WaitingList waitingList, Clock clock, ZoneId zone, String uidDomain) {
        this.waitingList = waitingList;
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

    /** Every dialog that ends after {@code from}, drafts too: for the coordinator. */
    public List<Dialog> allDialogs(Instant from) {
        return database.read(connection -> store.list(connection, List.of(DialogState.values()), from));
    }

    public Dialog create(DialogDraft draft) {
        Dialog values = check(draft, null, knownStrategies());
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
            Dialog merged = check(patch, current, known);
            boolean moved = !merged.startsAt().equals(current.startsAt()) || !merged.endsAt().equals(current.endsAt())
                    || !merged.place().equals(current.place()) || !merged.onlineUrl().equals(current.onlineUrl());
            boolean tell = moved && current.state() == DialogState.PUBLISHED;
            Dialog saved = withSequence(merged, tell ? current.sequence() + 1 : current.sequence());
            store.update(connection, saved, clock.instant());
            Dialog after = store.byId(connection, id).orElseThrow();
            if (tell) {
                tellEveryone(connection, after, "dialog-update");
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
            for (Subscriber subscriber : subscribers.confirmedFor(connection, published.strategies())) {
                if (store.invite(connection, id, subscriber.id(), clock.instant())) {
                    mails.toSubscriber(connection, "dialog-invitation",
                            "dialog-invitation:" + id + ":s" + subscriber.id(), published, subscriber);
                }
            }
            return published;
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
                tellEveryone(connection, cancelled, "dialog-cancel");
            }
            return cancelled;
        });
    }

    /** One mail per person: registrants (by their registration) first, then invited subscribers. */
    private void tellEveryone(Connection connection, Dialog dialog, String template) throws SQLException {
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
    }

    private List<Integer> knownStrategies() {
        return plan.strategies().stream().map(Strategy::id).toList();
    }

    private Dialog check(DialogDraft draft, Dialog current, List<Integer> known) {
        var errors = new Errors();
        String title = text(draft.title(), current == null ? null : current.title(), "title", 200, true, errors);
        String theme = text(draft.theme(), current == null ? "" : current.theme(), "theme", 200, false, errors);
        String description = draft.description() != null ? draft.description().trim()
                : current == null ? "" : current.description();
        if (description.length() > 5000) {
            errors.add("description", "beskrivningen är för lång (högst 5 000 tecken)");
        }
        Instant start = instant(draft.start(), current == null ? null : current.startsAt(), "start", errors);
        Instant end = instant(draft.end(), current == null ? null : current.endsAt(), "end", errors);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add("end", "slutet ska vara efter starten");
        }
        String place = text(draft.place(), current == null ? "" : current.place(), "place", 300, false, errors);
        String link = text(draft.onlineUrl(), current == null ? "" : current.onlineUrl(), "onlineUrl", 500, false, errors);
        if (!link.isEmpty() && !isWebLink(link)) {
            errors.add("onlineUrl", "länken ska börja med https:// eller http://");
        }
        if (place.isEmpty() && link.isEmpty()) {
            errors.add("place", "ange en plats, en länk till mötet, eller båda");
        }
        Integer capacity = draft.capacity() != null ? draft.capacity() : current == null ? null : current.capacity();
        if (draft.capacity() != null && (draft.capacity() < 1 || draft.capacity() > 10_000)) {
            errors.add("capacity", "antal platser ska vara 1–10 000 (utelämna för obegränsat)");
        }
        List<Integer> strategies = draft.strategies() != null ? List.copyOf(new LinkedHashSet<>(draft.strategies()))
                : current == null ? List.of() : current.strategies();
        for (int strategy : strategies) {
            if (!known.contains(strategy)) {
                errors.add("strategies", "strategi " + strategy + " finns inte");
            }
        }
        errors.throwIfAny();
        return new Dialog(current == null ? 0 : current.id(), current == null ? "" : current.uid(), title, theme,
                description, start, end, place, link, capacity, current == null ? DialogState.DRAFT : current.state(),
                current == null ? 0 : current.sequence(), strategies, current == null ? 0 : current.registered(),
                current == null ? null : current.updatedAt());
    }

    private Instant instant(LocalDateTime given, Instant current, String field, Errors errors) {
        if (given != null) {
            return given.truncatedTo(ChronoUnit.MINUTES).atZone(zone).toInstant();
        }
        if (current == null) {
            errors.add(field, "tid saknas (t.ex. 2026-12-10T09:00, svensk tid)");
        }
        return current;
    }

    private static String text(String given, String current, String field, int max, boolean required, Errors errors) {
        String value = given != null ? given.trim() : current;
        if (required && (value == null || value.isEmpty())) {
            errors.add(field, "får inte vara tom");
        } else if (value != null && (value.length() > max || value.contains("\n") || value.contains("\r"))) {
            errors.add(field, "ska vara en rad på högst " + max + " tecken");
        }
        return value == null ? "" : value;
    }

    private static boolean isWebLink(String link) {
        try {
            URI uri = URI.create(link);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Dialog withSequence(Dialog d, int sequence) {
        return new Dialog(d.id(), d.uid(), d.title(), d.theme(), d.description(), d.startsAt(), d.endsAt(), d.place(),
                d.onlineUrl(), d.capacity(), d.state(), sequence, d.strategies(), d.registered(), d.updatedAt());
    }

}
