package se.planbot.plan;

/**
 * A progress report on an action: any of status, progress and note; one history entry. The
 * note is internal unless {@code notePublic}.
 */
public record ProgressUpdate(ActionStatus status, Integer progress, String note, boolean notePublic) {

    /** A report whose note (if any) is internal: the default for Slack, the console and the API. */
    public ProgressUpdate(ActionStatus status, Integer progress, String note) {
        this(status, progress, note, false);
    }
}
