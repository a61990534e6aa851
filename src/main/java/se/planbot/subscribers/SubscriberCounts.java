package se.planbot.subscribers;

import java.util.Map;

/**
 * How many subscribers there are by status, and how many confirmed ones follow each strategy
 * (a subscriber with two topics counts under both).
 */
public record SubscriberCounts(Map<SubscriberStatus, Long> byStatus, Map<Integer, Long> confirmedByStrategy) {

    public SubscriberCounts {
        byStatus = Map.copyOf(byStatus);
        confirmedByStrategy = Map.copyOf(confirmedByStrategy);
    }

    public long of(SubscriberStatus status) {
        return byStatus.getOrDefault(status, 0L);
    }

    public long following(int strategy) {
        return confirmedByStrategy.getOrDefault(strategy, 0L);
    }
}
