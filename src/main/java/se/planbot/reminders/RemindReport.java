package se.planbot.reminders;

import java.util.List;
import java.util.Map;
import se.planbot.outbox.Delivery;

/**
 * What {@code remind} did: the sweep's result and, unless a dry run, each delivery attempt;
 * {@code waitingForChannel} counts pending messages of channels that have no sender (Slack off).
 */
public record RemindReport(SweepResult sweep, List<Delivery> deliveries, boolean dryRun,
        Map<String, Long> waitingForChannel) {

    /** True when a rule failed or a message could not be delivered (retry later or dead). */
    public boolean failed() {
        return !sweep.failures().isEmpty()
                || deliveries.stream().anyMatch(delivery -> delivery.outcome() != Delivery.Outcome.SENT);
    }
}
