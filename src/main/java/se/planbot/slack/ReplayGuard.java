package se.planbot.slack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import se.planbot.db.Database;
import se.planbot.db.Jdbc;

/**
 * Refuses a signature seen before, by any instance: the signatures accepted in the last few
 * minutes are rows of {@code slack_replays} (V60), so a captured request sent again to the other
 * instance behind the load balancer gets 401 as well. After the window the timestamp check refuses
 * it anyway, so older rows are pruned. Stored as SHA-256 of the signature header.
 */
final class ReplayGuard {

    private static final long KEEP_MILLIS = (RequestSignature.MAX_SKEW_SECONDS * 2 + 10) * 1000L;

    private final Database database;
    private final Clock clock;

    ReplayGuard(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** True the first time {@code signature} is offered, on whichever instance. */
    boolean firstTime(String signature) {
        long now = clock.millis();
        String hash = sha256(signature);
        return database.write(connection -> {
            Jdbc.update(connection, "delete from slack_replays where seen_at < ?", now - KEEP_MILLIS);
            return Jdbc.update(connection, """
                    insert into slack_replays (signature_hash, seen_at) values (?, ?)
                    on conflict (signature_hash) do nothing
                    """, hash, now) == 1;
        });
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
