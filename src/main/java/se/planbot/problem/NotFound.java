package se.planbot.problem;

/** Something asked for by id or code that does not exist (404). The message is Swedish. */
public final class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}
