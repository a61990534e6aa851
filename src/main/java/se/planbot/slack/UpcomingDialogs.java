package se.planbot.slack;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import se.planbot.dialogs.DialogService;

/**
 * The published dialogs still ahead, soonest first, for {@code /plan dialoger}. Slack does not own
 * dialogs: Planbot wires the dialogs feature in here ({@link #from}); {@link #none()} answers from nothing.
 */
@FunctionalInterface
public interface UpcomingDialogs {

    List<Dialog> upcoming(int limit);

    /** One published dialog; {@code place} may be a room or a meeting link, {@code url} its page. */
    record Dialog(long id, String title, ZonedDateTime start, String place, String url) {
    }

    /** The dialogs feature's upcoming dialogs, with their local start, place (or meeting link) and page. */
    static UpcomingDialogs from(DialogService dialogs, ZoneId zone, String baseUrl) {
        return limit -> dialogs.upcoming(limit).stream()
                .map(dialog -> new Dialog(dialog.id(), dialog.title(), dialog.startsAt().atZone(zone),
                        dialog.place() == null || dialog.place().isBlank() ? dialog.onlineUrl() : dialog.place(),
                        baseUrl + "/dialogs/" + dialog.id()))
                .toList();
    }

    /** No dialogs feature: the answer says there are no upcoming dialogs. */
    static UpcomingDialogs none() {
        return limit -> List.of();
    }
}
