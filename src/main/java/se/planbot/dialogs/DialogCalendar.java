package se.planbot.dialogs;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzName;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;

/**
 * Calendar files for dialogs (ical4j): one VEVENT per dialog in Europe/Stockholm time with the
 * dialog's stable UID and its SEQUENCE. A registrant's calendar is METHOD:REQUEST with ORGANIZER and
 * the registrant as ATTENDEE (METHOD:CANCEL + STATUS:CANCELLED when it is off); what subscribers get
 * in an invitation, and the public feed, is METHOD:PUBLISH without ATTENDEE.
 *
 * <p>The VTIMEZONE is written by hand: ical4j's bundled zone data aliases Europe/Stockholm to
 * Europe/Berlin and would emit a VTIMEZONE whose TZID does not match the events' TZID.
 */
public final class DialogCalendar {

    public enum Kind { REQUEST, CANCEL, PUBLISH }

    /** Who receives an invitation, for ATTENDEE. */
    public record Attendance(String email, String name, boolean accepted) {
    }

    private final ZoneId zone;
    private final String organizerEmail;
    private final String organizerName;
    private final String baseUrl;
    private final Clock clock;

    public DialogCalendar(ZoneId zone, String organizerEmail, String organizerName, String baseUrl, Clock clock) {
        this.zone = zone;
        this.organizerEmail = organizerEmail;
        this.organizerName = organizerName;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** A VCALENDAR for one registrant: REQUEST (registered, updated) or CANCEL. */
    public String invite(Dialog dialog, Kind kind, Attendance attendee) {
        Calendar calendar = calendar(kind);
        VEvent event = event(dialog, kind == Kind.CANCEL);
        Attendee property = new Attendee(URI.create("mailto:" + attendee.email()));
        if (!attendee.name().isBlank()) {
            property.add(new Cn(attendee.name()));
        }
        property.add(Role.REQ_PARTICIPANT);
        property.add(attendee.accepted() ? PartStat.ACCEPTED : PartStat.NEEDS_ACTION);
        property.add(new Rsvp(false));
        event.add(property);
        calendar.add(event);
        return write(calendar);
    }

    /** One dialog as PUBLISH without ATTENDEE (an invitation to subscribers), cancelled marked so. */
    public String announcement(Dialog dialog) {
        Calendar calendar = calendar(Kind.PUBLISH);
        calendar.add(event(dialog, dialog.state() == DialogState.CANCELLED));
        return write(calendar);
    }

    /** The public feed: every given dialog, cancelled ones marked so. */
    public String feed(List<Dialog> dialogs) {
        Calendar calendar = calendar(Kind.PUBLISH);
        for (Dialog dialog : dialogs) {
            calendar.add(event(dialog, dialog.state() == DialogState.CANCELLED));
        }
        return write(calendar);
    }

    private Calendar calendar(Kind kind) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Planbot//Dialoger//SV"));
        calendar.add(net.fortuna.ical4j.model.property.immutable.ImmutableVersion.VERSION_2_0);
        calendar.add(new CalScale("GREGORIAN"));
        calendar.add(new Method(kind.name()));
        calendar.add(stockholm());
        return calendar;
    }

    private VEvent event(Dialog dialog, boolean cancelled) {
        ZonedDateTime start = dialog.startsAt().atZone(zone);
        ZonedDateTime end = dialog.endsAt().atZone(zone);
        VEvent event = new VEvent(start, end, dialog.title());
        event.replace(new DtStamp(clock.instant()));
        event.add(new Uid(dialog.uid()));
        event.add(new Sequence(dialog.sequence()));
        String where = location(dialog);
        if (!where.isBlank()) {
            event.add(new Location(where));
        }
        String url = baseUrl + "/dialogs/" + dialog.id();
        event.add(new Description(description(dialog, url)));
        event.add(new Url(URI.create(url)));
        Organizer organizer = new Organizer(URI.create("mailto:" + organizerEmail));
        if (!organizerName.isBlank()) {
            organizer.add(new Cn(organizerName));
        }
        event.add(organizer);
        event.add(new Status(cancelled ? "CANCELLED" : "CONFIRMED"));
        return event;
    }

    static String location(Dialog dialog) {
        if (!dialog.place().isBlank() && !dialog.onlineUrl().isBlank()) {
            return dialog.place() + " / " + dialog.onlineUrl();
        }
        return dialog.place().isBlank() ? dialog.onlineUrl() : dialog.place();
    }

    private static String description(Dialog dialog, String url) {
        var text = new StringBuilder();
        if (!dialog.description().isBlank()) {
            text.append(dialog.description()).append("\n\n");
        }
        if (!dialog.onlineUrl().isBlank()) {
            text.append("Länk / Link: ").append(dialog.onlineUrl()).append('\n');
        }
        text.append("Anmälan / Registration: ").append(url);
        return text.toString();
    }

    /** Europe/Stockholm as today's rules: CET, CEST from the last Sunday of March to that of October. */
    private VTimeZone stockholm() {
        var daylight = observance(new Daylight(), "CEST", LocalDateTime.of(1981, 3, 29, 2, 0),
                ZoneOffset.ofHours(1), ZoneOffset.ofHours(2), 3);
        var standard = observance(new Standard(), "CET", LocalDateTime.of(1996, 10, 27, 3, 0),
                ZoneOffset.ofHours(2), ZoneOffset.ofHours(1), 10);
        VTimeZone timeZone = new VTimeZone();
        timeZone.add(new TzId(zone.getId()));
        timeZone.add(daylight);
        timeZone.add(standard);
        return timeZone;
    }

    private static Observance observance(Observance observance, String name, LocalDateTime start,
            ZoneOffset from, ZoneOffset to, int month) {
        observance.add(new TzName(name));
        observance.add(new DtStart<>(start));
        observance.add(new TzOffsetFrom(from));
        observance.add(new TzOffsetTo(to));
        observance.add(new RRule<>(new Recur<LocalDateTime>("FREQ=YEARLY;BYMONTH=" + month + ";BYDAY=-1SU")));
        return observance;
    }

    private static String write(Calendar calendar) {
        try (var writer = new StringWriter()) {
            new CalendarOutputter(false).output(calendar, writer);
            return writer.toString();
        } catch (IOException e) {
            throw new IllegalStateException("writing a calendar to a string cannot fail", e);
        }
    }
}
