package se.planbot.plan;

/**
 * A strategy with its actions counted: how many, done, in progress, overdue today, and the mean
 * progress of those not cancelled (rounded; 0 when there are none). Counted by the database.
 */
public record StrategyFigures(Strategy strategy, long actions, long done, long inProgress, long overdue,
        int progress) {
}
