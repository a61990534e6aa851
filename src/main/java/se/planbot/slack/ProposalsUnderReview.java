package se.planbot.slack;

import java.util.List;
import java.util.Locale;
import se.planbot.proposals.ProposalFilter;
import se.planbot.proposals.ProposalService;

/**
 * The proposals waiting for a decision (received or under review), oldest first, for
 * {@code /plan förslag}. Slack does not own proposals: Planbot wires the feature in ({@link #from}).
 */
@FunctionalInterface
public interface ProposalsUnderReview {

    List<Proposal> waiting(int limit);

    /** One undecided proposal: its state in words and its public page. */
    record Proposal(long id, String title, String state, String url) {
    }

    static ProposalsUnderReview from(ProposalService proposals, String baseUrl, Locale locale) {
        return limit -> proposals.list(ProposalFilter.all()).stream()
                .filter(proposal -> !proposal.state().isDecided())
                .limit(limit)
                .map(proposal -> new Proposal(proposal.id(), proposal.title(), proposal.state().label(locale),
                        baseUrl + "/proposals/" + proposal.id()))
                .toList();
    }

    static ProposalsUnderReview none() {
        return limit -> List.of();
    }
}
