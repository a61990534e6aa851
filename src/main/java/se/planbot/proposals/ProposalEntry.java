package se.planbot.proposals;

import java.time.Instant;

/**
 * One entry of a proposal's history: who, when, what kind ({@code created}, {@code state},
 * {@code comment}, {@code edit}, {@code linked}, {@code anonymised}), from which state to which, and
 * the answer or comment. Comments are internal ({@code isPublic} false).
 */
public record ProposalEntry(long id, long proposalId, Instant at, String actor, String kind,
        ProposalState from, ProposalState to, String body, boolean isPublic) {
}
