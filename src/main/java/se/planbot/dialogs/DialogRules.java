package se.planbot.dialogs;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import se.planbot.problem.Errors;
import se.planbot.problem.InputText;

/**
 * What a valid dialog is: a title, a start before its end (local time in the programme's zone,
 * whole minutes, in 2000–2099, none in the hour skipped when summer time begins), a place or an http(s) meeting
 * link, a capacity of 1–10,000 or none, known
 * strategies. Every mistake is collected, in Swedish, and thrown at once.
 */
final class DialogRules {

    /** Years a dialog can be in: anything else is a typo (or -999999999), and breaks calendars. */
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2099;

    private final ZoneId zone;

    DialogRules(ZoneId zone) {
        this.zone = zone;
    }

    /** {@code draft} over {@code current} (null when creating), checked; the merged values. */
    Dialog check(DialogDraft draft, Dialog current, List<Integer> known) {
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
        if (given != null && (given.getYear() < FIRST_YEAR || given.getYear() > LAST_YEAR)) {
            errors.add(field, "'" + given + "' ligger utanför " + FIRST_YEAR + "–" + LAST_YEAR
                    + "; skriv t.ex. 2026-12-10T09:00 (svensk tid)");
            return current;
        }
        if (given != null) {
            LocalDateTime local = given.truncatedTo(ChronoUnit.MINUTES);
            // In the hour skipped when summer time begins the clock jumps from 02:00 to 03:00:
            // say so rather than silently store 03:30 for 02:30.
            if (!local.atZone(zone).toLocalDateTime().equals(local)) {
                errors.add(field, "'" + local + "' finns inte: klockan ställs fram en timme den natten "
                        + "(sommartid); välj en annan tid");
                return null;
            }
            return local.atZone(zone).toInstant();
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
        } else if (value != null) {
            InputText.line(errors, field, label(field), value, max);
        }
        return value == null ? "" : value;
    }

    private static String label(String field) {
        return switch (field) {
            case "title" -> "titeln";
            case "theme" -> "temat";
            case "place" -> "platsen";
            default -> "länken";
        };
    }

    private static boolean isWebLink(String link) {
        try {
            URI uri = URI.create(link);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
