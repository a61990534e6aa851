package se.planbot.dialogs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Reads a calendar file with a parser that is not ical4j: Debian's python3-icalendar (installed by
 * .ci/needs-business.sh). It fails on a dangling TZID and returns what it understood as JSON:
 * method, calendar name (X-WR-CALNAME), VTIMEZONE ids, and each event's uid, sequence, status, start/end (ISO with offset).
 */
public final class IndependentIcsParser {

    private static final String SCRIPT = """
            import sys, json
            from icalendar import Calendar
            cal = Calendar.from_ical(sys.stdin.buffer.read())
            zones = [str(tz['TZID']) for tz in cal.walk('VTIMEZONE')]
            events = []
            for ev in cal.walk('VEVENT'):
                start = ev.get('DTSTART')
                tzid = start.params.get('TZID')
                if tzid is not None and tzid not in zones:
                    sys.exit('DTSTART TZID %s has no VTIMEZONE (have %s)' % (tzid, zones))
                events.append({
                    'uid': str(ev.get('UID')),
                    'sequence': int(ev.get('SEQUENCE', 0)),
                    'status': str(ev.get('STATUS', '')),
                    'summary': str(ev.get('SUMMARY', '')),
                    'location': str(ev.get('LOCATION', '')),
                    'tzid': tzid,
                    'start': ev.decoded('DTSTART').isoformat(),
                    'end': ev.decoded('DTEND').isoformat(),
                    'organizer': str(ev.get('ORGANIZER', '')),
                    'attendees': [str(a) for a in (ev.get('ATTENDEE') if isinstance(ev.get('ATTENDEE'), list) else [ev.get('ATTENDEE')] if ev.get('ATTENDEE') else [])],
                })
            print(json.dumps({'method': str(cal.get('METHOD', '')), 'version': str(cal.get('VERSION', '')),
                              'name': str(cal.get('X-WR-CALNAME', '')),
                              'zones': zones, 'events': events}))
            """;

    private IndependentIcsParser() {
    }

    public static JsonNode parse(String ics) {
        try {
            Process process = new ProcessBuilder("/usr/bin/python3", "-c", SCRIPT).start();
            process.getOutputStream().write(ics.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("python3-icalendar rejected the calendar (run .ci/needs-business.sh if it is "
                        + "missing): " + err + "\n" + ics);
            }
            return new ObjectMapper().readTree(out);
        } catch (IOException e) {
            throw new AssertionError("cannot run /usr/bin/python3 (see .ci/needs-business.sh)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
