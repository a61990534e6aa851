package se.planbot.mail;

import java.time.Duration;
import java.time.Instant;

/**
 * An OAuth 2.0 access token and its lifetime. Kept in memory only; {@link #toString()} never shows
 * the value, so a token cannot slip into a log line.
 */
public record IssuedToken(String value, Instant issuedAt, Instant expiresAt) {

    /** Renew this long before expiry at most (a send in progress must not cross the expiry). */
    static final Duration RENEW_MARGIN = Duration.ofMinutes(5);

    /** When to fetch a new one: five minutes before expiry, or halfway through a short lifetime. */
    public Instant renewAt() {
        Duration lifetime = Duration.between(issuedAt, expiresAt);
        Duration margin = lifetime.dividedBy(2).compareTo(RENEW_MARGIN) < 0 ? lifetime.dividedBy(2) : RENEW_MARGIN;
        return expiresAt.minus(margin);
    }

    @Override
    public String toString() {
        return "IssuedToken[valid until " + expiresAt + "]";
    }
}
