package se.planbot.mail;

/** No access token could be had; the message says why in Swedish and never holds a secret. */
public final class TokenUnavailable extends Exception {
    public TokenUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
