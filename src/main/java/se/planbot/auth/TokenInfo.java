package se.planbot.auth;

import java.time.Instant;

/** A token as listed for its owner: never its secret, which is not stored. */
public record TokenInfo(long id, String name, TokenRole role, Instant createdAt, Instant revokedAt) {
}
