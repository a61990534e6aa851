package se.planbot.proposals;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One proposal (förslag). The proposer's fields are empty (email null) when none was given or
 * after erasure ({@code anonymisedAt}). {@code actionIds}: the actions it became or was linked to.
 */
public record Proposal(
        long id,
        String title,
        String description,
        Integer strategyId,
        ProposalOrigin origin,
        Long dialogId,
        String proposerName,
        String proposerCompany,
        String proposerEmail,
        Locale locale,
        boolean showName,
        String consentVersion,
        Instant consentAt,
        boolean mailsStopped,
        ProposalState state,
        String answer,
        Long mergedInto,
        List<Long> actionIds,
        Instant createdAt,
        Instant updatedAt,
        Instant decidedAt,
        Instant anonymisedAt) {

    /** The proposer's name as the public may read it: only when they agreed to show it. */
    public String publicName() {
        return showName && anonymisedAt == null ? proposerName : "";
    }

    /** The company is shown with the name, under the same agreement. */
    public String publicCompany() {
        return showName && anonymisedAt == null ? proposerCompany : "";
    }

    public boolean hasEmail() {
        return proposerEmail != null && !proposerEmail.isBlank();
    }

    Proposal withActions(List<Long> actions) {
        return new Proposal(id, title, description, strategyId, origin, dialogId, proposerName, proposerCompany,
                proposerEmail, locale, showName, consentVersion, consentAt, mailsStopped, state, answer, mergedInto,
                List.copyOf(actions), createdAt, updatedAt, decidedAt, anonymisedAt);
    }
}
