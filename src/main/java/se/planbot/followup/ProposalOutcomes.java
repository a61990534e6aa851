package se.planbot.followup;

import java.util.List;
import java.util.Optional;

/**
 * Proposals from the dialogs and what became of them, when the proposals feature is there. Empty
 * means no such feature: the report then says "inga förslag registrerade".
 */
public interface ProposalOutcomes {

    /** The proposals received in {@code year} with their outcomes; empty without a proposals feature. */
    Optional<List<ProposalFigure>> receivedIn(int year);

    /** No proposals feature. */
    ProposalOutcomes NONE = year -> Optional.empty();
}
