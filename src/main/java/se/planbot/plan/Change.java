package se.planbot.plan;

import java.time.Instant;
import java.util.List;

/** One entry of an action's append-only history: who changed what, when and why. */
public record Change(long id, long actionId, Instant at, String actor, String note, List<FieldChange> fields) {
}
