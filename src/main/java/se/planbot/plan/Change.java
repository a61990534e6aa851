package se.planbot.plan;

import java.time.Instant;
import java.util.List;

/**
 * One entry of an action's append-only history: who changed what, when and why. The note is
 * internal (staff only) unless {@code notePublic}: public pages and anonymous reads never show it.
 */
public record Change(long id, long actionId, Instant at, String actor, String note, List<FieldChange> fields,
        boolean notePublic) {

    /** The note as the public may read it: empty when it is internal. */
    public String publicNote() {
        return notePublic ? note : "";
    }
}
