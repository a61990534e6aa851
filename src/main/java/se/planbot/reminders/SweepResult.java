package se.planbot.reminders;

import java.util.List;
import se.planbot.outbox.QueuedMessage;

/**
 * What a sweep did.
 *
 * @param queued   messages newly queued (in a dry run: that would have been queued)
 * @param due      in a dry run, everything the dispatcher would now send (old and new); else empty
 * @param failures rules that failed, one line each (their part was rolled back)
 */
public record SweepResult(List<QueuedMessage> queued, List<QueuedMessage> due, List<String> failures) {
}
