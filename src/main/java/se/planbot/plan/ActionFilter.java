package se.planbot.plan;

/**
 * What to list. Null fields do not filter. {@code text} matches title, description and code,
 * ignoring case and diacritics ("atgard" finds "åtgärd").
 */
public record ActionFilter(Integer strategy, ActionStatus status, Long ownerId, boolean overdueOnly, String text) {

    public static ActionFilter all() {
        return new ActionFilter(null, null, null, false, null);
    }

    public static ActionFilter overdue() {
        return new ActionFilter(null, null, null, true, null);
    }
}
