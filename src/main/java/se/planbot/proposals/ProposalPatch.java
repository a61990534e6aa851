package se.planbot.proposals;

/** Changes to an undecided proposal; null leaves a field as it is. {@code state} may only go to under review (or back). */
public record ProposalPatch(String title, String description, Integer strategyId, boolean clearStrategy,
        ProposalState state, String note) {
}
