package se.planbot.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import se.planbot.db.Database;
import se.planbot.db.Jdbc;
import se.planbot.problem.InvalidInput;
import se.planbot.problem.NotFound;

/**
 * API tokens: 256 random bits shown once at creation; only their SHA-256 is stored, so a copy
 * of the database gives no usable token. A token is high-entropy, so a plain hash (no salt,
 * no slow KDF) is enough and lets us look it up directly.
 */
public final class ApiTokens {

    private static final String PREFIX = "pbt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final Clock clock;

    public ApiTokens(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Creates a token and returns it in plain text: the only time it is ever seen. */
    public String create(String name, TokenRole role) {
        // The name becomes "api:<name>" in every history entry and Slack answer: one line only.
        if (name == null || name.isBlank() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("name", "ange ett namn på en rad, högst 100 tecken");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        database.write(connection -> Jdbc.insert(connection,
                "insert into api_tokens (name, role, token_hash, created_at) values (?, ?, ?, ?)",
                name.trim(), role.code(), hash(token), clock.instant()));
        return token;
    }

    public Optional<ApiClient> verify(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String hash = hash(token);
        return database.read(connection -> Jdbc.one(connection,
                "select id, name, role from api_tokens where token_hash = ? and revoked_at is null",
                row -> new ApiClient(row.getLong("id"), row.getString("name"),
                        TokenRole.fromCode(row.getString("role")).orElseThrow()),
                hash));
    }

    /** Every token ever created, newest first, revoked ones included. */
    public List<TokenInfo> list() {
        return database.read(connection -> Jdbc.list(connection,
                "select id, name, role, created_at, revoked_at from api_tokens order by id desc",
                row -> new TokenInfo(row.getLong("id"), row.getString("name"),
                        TokenRole.fromCode(row.getString("role")).orElseThrow(),
                        Jdbc.instant(row, "created_at"), Jdbc.instant(row, "revoked_at"))));
    }

    /** Revokes token {@code id} at once; revoking it again changes nothing. */
    public TokenInfo revoke(long id) {
        return database.write(connection -> {
            Jdbc.update(connection, "update api_tokens set revoked_at = ? where id = ? and revoked_at is null",
                    clock.instant(), id);
            return Jdbc.one(connection, "select id, name, role, created_at, revoked_at from api_tokens where id = ?",
                    row -> new TokenInfo(row.getLong("id"), row.getString("name"),
                            TokenRole.fromCode(row.getString("role")).orElseThrow(),
                            Jdbc.instant(row, "created_at"), Jdbc.instant(row, "revoked_at")), id)
                    .orElseThrow(() -> new NotFound("Token " + id + " finns inte (se 'token list')"));
        });
    }

    static String hash(String token) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
