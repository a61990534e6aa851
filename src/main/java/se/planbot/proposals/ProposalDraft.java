package se.planbot.proposals;

import java.util.Locale;

/**
 * A new proposal as given, before it is checked. {@code consent} is the ticked box (needed when
 * any contact detail is given); {@code source} says where it was given, for the consent record
 * (e.g. {@code web:/dialogs/3}).
 */
public record ProposalDraft(
        String title,
        String description,
        Integer strategyId,
        ProposalOrigin origin,
        Long dialogId,
        String proposerName,
        String proposerCompany,
        String proposerEmail,
        boolean showName,
        boolean consent,
        Locale locale,
        String source) {
}
