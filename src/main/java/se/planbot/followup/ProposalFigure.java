package se.planbot.followup;

/**
 * One proposal in the report: its title, outcome in words (e.g. "Antaget", "Under beredning",
 * "Avslaget"), the answer given, and the code of the action it became (empty if none).
 */
public record ProposalFigure(String title, String outcome, String answer, String actionCode) {

    public ProposalFigure {
        outcome = outcome == null ? "" : outcome;
        answer = answer == null ? "" : answer;
        actionCode = actionCode == null ? "" : actionCode;
    }
}
