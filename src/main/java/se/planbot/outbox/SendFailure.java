package se.planbot.outbox;

import java.time.Duration;

/**
 * Why a message did not go out: permanent (the dispatcher marks it dead at once, e.g. SMTP 5xx)
 * or temporary (retried later; {@code retryAfter} when the receiver said when, e.g. Slack 429).
 */
public final class SendFailure extends Exception {

    private final boolean permanent;
    private final Duration retryAfter;

    private SendFailure(String message, Throwable cause, boolean permanent, Duration retryAfter) {
        super(message, cause);
        this.permanent = permanent;
        this.retryAfter = retryAfter;
    }

    public static SendFailure temporary(String message, Throwable cause) {
        return new SendFailure(message, cause, false, null);
    }

    public static SendFailure retryAfter(String message, Duration wait) {
        return new SendFailure(message, null, false, wait);
    }

    public static SendFailure permanent(String message, Throwable cause) {
        return new SendFailure(message, cause, true, null);
    }

    public boolean isPermanent() {
        return permanent;
    }

    /** The wait the receiver asked for, or null to use the dispatcher's back-off. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
