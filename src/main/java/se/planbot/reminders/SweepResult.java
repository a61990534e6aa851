package se.planbot.reminders;

import java.util.List;
import se.planbot.outbox.QueuedMessage;

/**
 * What a sweep did.
 *
 * @param queued   messages newly queued (in a dry run: that would have been queued)
 * @param due      in a dry run, everything the dispatcher would now send (old and new); else empty
 * @param failures rules that failed, one line each (their part was rolled back)
 * @param gaps     who could not be reminded, and open actions without owner or deadline
 */
public record SweepResult(List<QueuedMessage> queued, List<QueuedMessage> due, List<String> failures, PlanGaps gaps) {

    public SweepResult(List<QueuedMessage> queued, List<QueuedMessage> due, List<String> failures) {
        this(queued, due, failures, PlanGaps.NONE);
    }
}
