package se.planbot.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMTP access token, fetched when first needed and kept in memory until shortly before it
 * expires ({@link IssuedToken#renewAt()}); never written anywhere and never logged.
 */
public final class AccessTokens {

    private static final Logger log = LoggerFactory.getLogger(AccessTokens.class);
    /** After a failure, /health waits this long before asking the token endpoint again. */
    static final Duration HEALTH_RETRY = Duration.ofMinutes(1);

    private final TokenGrant grant;
    private final Clock clock;
    private IssuedToken cached;
    private String problem;
    private Instant failedAt;

    public AccessTokens(TokenGrant grant, Clock clock) {
        this.grant = grant;
        this.clock = clock;
    }

    /** A token valid for a while yet: the cached one, or a new one from the token endpoint. */
    public synchronized String current() throws TokenUnavailable {
        if (cached != null && clock.instant().isBefore(cached.renewAt())) {
            return cached.value();
        }
        cached = null;
        try {
            cached = grant.request();
        } catch (TokenUnavailable e) {
            problem = e.getMessage();
            failedAt = clock.instant();
            log.warn("No SMTP access token ({}): {}", grant.describe(), e.getMessage());
            throw e;
        }
        problem = null;
        failedAt = null;
        log.info("Fetched an SMTP access token ({}), valid until {}", grant.describe(), cached.expiresAt());
        return cached.value();
    }

    /** The server refused the token: the next {@link #current()} fetches a new one. */
    public synchronized void discard() {
        cached = null;
    }

    /** For /health: whether a token could be had, when it expires or why not (never the token). */
    public synchronized Map<String, Object> status() {
        boolean recentlyFailed = failedAt != null && clock.instant().isBefore(failedAt.plus(HEALTH_RETRY));
        if (!recentlyFailed) {
            try {
                current();
            } catch (TokenUnavailable e) {
                // recorded in problem
            }
        }
        var status = new LinkedHashMap<String, Object>();
        status.put("tokenAvailable", cached != null);
        status.put("flow", grant.describe());
        if (cached != null) {
            status.put("tokenValidUntil", cached.expiresAt().toString());
        } else {
            status.put("reason", problem);
        }
        return status;
    }
}
