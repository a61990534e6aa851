package se.planbot.proposals;

/**
 * Which proposals to list; null means any. {@code year} is the calendar year (in the programme's
 * time zone) the proposal came in.
 */
public record ProposalFilter(Long dialogId, Integer year, ProposalState state, Integer strategyId) {

    public static ProposalFilter all() {
        return new ProposalFilter(null, null, null, null);
    }
}
