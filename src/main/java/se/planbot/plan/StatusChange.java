package se.planbot.plan;

import java.time.Instant;

/** One change of an action's status, from its history: which change, which action, when, to what. */
public record StatusChange(long changeId, long actionId, Instant at, ActionStatus status) {
}
