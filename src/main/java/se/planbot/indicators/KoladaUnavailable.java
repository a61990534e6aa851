package se.planbot.indicators;

/**
 * Kolada could not be read (no answer, an error status after every attempt, or an answer that is
 * not v3's JSON). The message is Swedish and says what to do; nothing was changed.
 */
public final class KoladaUnavailable extends RuntimeException {

    public KoladaUnavailable(String message) {
        super(message);
    }

    public KoladaUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
