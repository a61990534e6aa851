package se.planbot.slack;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * The published dialogs still ahead, soonest first, for {@code /plan dialoger}. Slack does not own
 * dialogs: Planbot wires the dialogs feature in here; {@link #none()} answers from nothing.
 */
@FunctionalInterface
public interface UpcomingDialogs {

    List<Dialog> upcoming(int limit);

    /** One published dialog; {@code place} may be a room or a meeting link, {@code url} its page. */
    record Dialog(long id, String title, ZonedDateTime start, String place, String url) {
    }

    /** No dialogs feature: the answer says there are no upcoming dialogs. */
    static UpcomingDialogs none() {
        return limit -> List.of();
    }
}
