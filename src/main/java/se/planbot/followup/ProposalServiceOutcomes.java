package se.planbot.followup;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import se.planbot.plan.Action;
import se.planbot.plan.PlanService;
import se.planbot.proposals.Proposal;
import se.planbot.proposals.ProposalFilter;
import se.planbot.proposals.ProposalService;

/** The report's proposals section read from the proposals feature: each proposal of the year and its outcome. */
public final class ProposalServiceOutcomes implements ProposalOutcomes {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    private final ProposalService proposals;
    private final PlanService plan;

    public ProposalServiceOutcomes(ProposalService proposals, PlanService plan) {
        this.proposals = proposals;
        this.plan = plan;
    }

    /** The year's proposals; none at all reads as the report's "Inga förslag registrerade". */
    @Override
    public Optional<List<ProposalFigure>> receivedIn(int year) {
        var figures = proposals.list(new ProposalFilter(null, year, null, null)).stream().map(this::figure).toList();
        return figures.isEmpty() ? Optional.empty() : Optional.of(figures);
    }

    private ProposalFigure figure(Proposal proposal) {
        String codes = proposal.actionIds().stream()
                .map(id -> plan.action(id).map(Action::code).orElse(""))
                .filter(code -> !code.isEmpty())
                .collect(Collectors.joining(", "));
        return new ProposalFigure(proposal.title(), proposal.state().label(SWEDISH), proposal.answer(), codes);
    }
}
