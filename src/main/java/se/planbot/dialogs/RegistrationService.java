package se.planbot.dialogs;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import se.planbot.db.Database;
import se.planbot.problem.Errors;
import se.planbot.problem.InvalidInput;
import se.planbot.problem.NotFound;
import se.planbot.subscribers.LinkTokens;
import se.planbot.subscribers.ContactRules;

/**
 * Registrations for dialogs: a seat while there is one, else the waiting list; the confirmation
 * mail has the calendar file and a cancel link. A cancelled seat goes to the first on the list.
 */
public final class RegistrationService {

    /** What became of a registration request, for the page to say. */
    public enum Outcome { REGISTERED, WAITING }

    private final Database database;
    private final DialogMails mails;
    private final WaitingList waitingList;
    private final Clock clock;
    private final ZoneId zone;
    private final RegistrationStore store;
    private final DialogStore dialogs = new DialogStore();

    RegistrationService(Database database, DialogMails mails, WaitingList waitingList, RegistrationStore store,
            Clock clock, ZoneId zone) {
        this.database = database;
        this.mails = mails;
        this.waitingList = waitingList;
        this.store = store;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Registers for a published dialog that has not started. Registering an address again for
     * the same dialog sends its confirmation again rather than saying it was already there.
     */
    public Outcome register(long dialogId, RegistrationForm form) {
        RegistrationForm clean = check(form);
        return database.write(connection -> {
            Instant now = clock.instant();
            Dialog dialog = dialogs.byId(connection, dialogId)
                    .filter(found -> found.state() != DialogState.DRAFT)
                    .orElseThrow(() -> new NotFound("Dialog " + dialogId + " finns inte"));
            if (dialog.state() == DialogState.CANCELLED) {
                throw new InvalidInput("dialog", "dialogen är inställd; anmälan är stängd");
            }
            if (!dialog.startsAt().isAfter(now)) {
                throw new InvalidInput("dialog", "dialogen har redan börjat; anmälan är stängd");
            }
            Optional<Registration> existing = store.active(connection, dialogId, clean.email());
            long id;
            if (existing.isPresent()) {
                id = existing.get().id();
            } else {
                RegistrationStatus status = dialog.isFull() ? RegistrationStatus.WAITING : RegistrationStatus.REGISTERED;
                id = store.insert(connection, dialogId, clean, status, now);
            }
            Registration registration = store.byId(connection, id).orElseThrow();
            String nonce = LinkTokens.issue().hash().substring(0, 8);
            mails.toRegistrant(connection, "registration-confirm", "registration-confirm:" + id + ":" + nonce,
                    dialogs.byId(connection, dialogId).orElseThrow(), registration);
            return registration.status() == RegistrationStatus.WAITING ? Outcome.WAITING : Outcome.REGISTERED;
        });
    }

    /** The registration a cancel link is for (reads only). */
    public Optional<Registration> forLink(String token) {
        return database.read(connection -> store.byToken(connection, LinkTokens.hash(token)));
    }

    /** Cancels the registration of a link (idempotent); a freed seat goes to the first waiting. */
    public Optional<Registration> cancel(String token) {
        return database.write(connection -> {
            Optional<Registration> found = store.byToken(connection, LinkTokens.hash(token));
            if (found.isEmpty() || found.get().status() == RegistrationStatus.CANCELLED) {
                return found;
            }
            Registration registration = found.get();
            Instant now = clock.instant();
            store.setStatus(connection, registration.id(), RegistrationStatus.CANCELLED, now);
            Dialog dialog = dialogs.byId(connection, registration.dialogId()).orElseThrow();
            Registration cancelled = store.byId(connection, registration.id()).orElseThrow();
            mails.toRegistrant(connection, "registration-cancelled", "registration-cancelled:" + registration.id(),
                    dialog, cancelled, Map.of("leftWaitingList", registration.status() == RegistrationStatus.WAITING));
            if (registration.status() == RegistrationStatus.REGISTERED) {
                waitingList.fillFreeSeats(connection, dialog.id());
            }
            return Optional.of(cancelled);
        });
    }

    /** Every registration of a dialog, cancelled ones too, in the order they came. */
    public List<Registration> list(long dialogId) {
        return database.read(connection -> {
            dialogs.byId(connection, dialogId).orElseThrow(() -> new NotFound("Dialog " + dialogId + " finns inte"));
            return store.ofDialog(connection, dialogId, List.of(RegistrationStatus.values()));
        });
    }

    /** Local time to the minute: what the coordinator reads in Excel (an ISO instant is UTC with nanoseconds). */
    private static final DateTimeFormatter SHEET_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The list as CSV for a spreadsheet: UTF-8 with BOM (Excel), semicolons (Swedish Excel). */
    public String csv(long dialogId) {
        var out = new StringWriter();
        out.write('\uFEFF');
        try (var printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(';')
                .setHeader("namn", "företag", "e-post", "status", "anmäld").get())) {
            for (Registration registration : list(dialogId)) {
                printer.printRecord(safe(registration.name()), safe(registration.company()), safe(registration.email()),
                        registration.status().swedish(), SHEET_TIME.format(registration.createdAt().atZone(zone)));
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing CSV to a string cannot fail", e);
        }
        return out.toString();
    }

    /** A cell starting with = + - @ is a formula to a spreadsheet: prefix it so it stays text. */
    private static String safe(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private static RegistrationForm check(RegistrationForm form) {
        var errors = new Errors();
        String name = ContactRules.name(form.name(), errors);
        String company = ContactRules.company(form.company(), errors);
        String email = ContactRules.email(form.email(), errors);
        errors.throwIfAny();
        return new RegistrationForm(name, company, email, form.locale() == null ? Locale.forLanguageTag("sv") : form.locale());
    }
}
