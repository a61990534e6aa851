package se.planbot.plan;

/** A progress report on an action: any of status, progress and note; one history entry. */
public record ProgressUpdate(ActionStatus status, Integer progress, String note) {
}
