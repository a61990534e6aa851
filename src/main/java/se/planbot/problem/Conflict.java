package se.planbot.problem;

/**
 * The request is well-formed but the thing it acts on is in a state that does not allow it
 * (a decision on a proposal already decided): 409, nothing changed.
 */
public final class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message, null, false, false);
    }
}
