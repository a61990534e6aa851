package se.planbot.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sheets uploaded for an import preview, kept in memory (by the uploader and the file's SHA-256)
 * until they are applied or for {@link #KEPT}: applying imports exactly the bytes that were
 * previewed, without a second upload. Bounded, so uploads cannot fill the memory; after a restart
 * the coordinator simply uploads again.
 */
final class PendingImports {

    static final Duration KEPT = Duration.ofMinutes(30);
    private static final int MAX_KEPT = 20;

    record Upload(long personId, String fileName, byte[] bytes, Instant at) {
    }

    private final Clock clock;
    private final Map<String, Upload> uploads = new LinkedHashMap<>();

    PendingImports(Clock clock) {
        this.clock = clock;
    }

    /** Keeps {@code bytes} for {@code personId}; returns the file's SHA-256 (hex), the key the preview page posts back. */
    synchronized String keep(long personId, String fileName, byte[] bytes) {
        dropOld();
        String hash = sha256(bytes);
        uploads.remove(personId + ":" + hash);
        while (uploads.size() >= MAX_KEPT) {
            uploads.remove(uploads.keySet().iterator().next());
        }
        uploads.put(personId + ":" + hash, new Upload(personId, fileName, bytes.clone(), clock.instant()));
        return hash;
    }

    /** The upload {@code personId} previewed under {@code hash}, while it is kept. */
    synchronized Optional<Upload> find(long personId, String hash) {
        dropOld();
        return Optional.ofNullable(uploads.get(personId + ":" + hash));
    }

    synchronized void drop(long personId, String hash) {
        uploads.remove(personId + ":" + hash);
    }

    private void dropOld() {
        Instant oldest = clock.instant().minus(KEPT);
        uploads.values().removeIf(upload -> upload.at().isBefore(oldest));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
