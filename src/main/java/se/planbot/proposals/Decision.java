package se.planbot.proposals;

import java.util.List;
import se.planbot.plan.ActionDraft;

/**
 * The coordinator's decision. Accepted: {@code newAction} (pre-filled from the proposal, origin
 * {@code proposal}) and/or existing {@code actionIds}. Rejected: {@code answer} is required and
 * public. Merged: {@code mergedInto} names the proposal it joins.
 */
public record Decision(ProposalState decision, String answer, List<Long> actionIds, ActionDraft newAction,
        Long mergedInto) {
}
