package se.planbot.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Slack's request signature ({@code v0=HMAC-SHA256(secret, "v0:" + timestamp + ":" + body)}).
 *
 * <p>Why not Bolt's own check: it hashes the body as a String in the JVM's default charset (a JVM
 * without a UTF-8 locale then refuses every body with å ä ö), accepts timestamps from the future,
 * and compares with {@code String.equals}. Here the raw bytes are hashed, the timestamp must be
 * within five minutes either way, and the comparison takes constant time.
 */
public final class RequestSignature {

    static final long MAX_SKEW_SECONDS = 300;

    private static final byte[] VERSION = "v0:".getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();

    /** Keyed once: a clone per request costs a copy of its state, not a provider look-up and key set-up. */
    private final Mac keyed;
    private final Clock clock;

    public RequestSignature(String signingSecret, Clock clock) {
        this.clock = clock;
        try {
            this.keyed = Mac.getInstance("HmacSHA256");
            keyed.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** Empty when the request is Slack's; otherwise why it is refused (for the log, never the secret). */
    public Optional<String> problem(String timestamp, String signature, byte[] body) {
        if (timestamp == null || timestamp.isBlank()) {
            return Optional.of("X-Slack-Request-Timestamp saknas");
        }
        if (signature == null || signature.isBlank()) {
            return Optional.of("X-Slack-Signature saknas");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Optional.of("X-Slack-Request-Timestamp är inget tal");
        }
        long now = clock.instant().getEpochSecond();
        // Compared without subtracting from the sender's number, so no value can overflow into range.
        if (seconds < now - MAX_SKEW_SECONDS || seconds > now + MAX_SKEW_SECONDS) {
            return Optional.of("tidsstämpeln ligger utanför ±" + MAX_SKEW_SECONDS + " s från nu");
        }
        byte[] expected = sign(timestamp.trim(), body).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("signaturen stämmer inte");
        }
        return Optional.empty();
    }

    /** The signature Slack would send for {@code body} at {@code timestamp}. */
    public String sign(String timestamp, byte[] body) {
        Mac mac = fresh();
        mac.update(VERSION);
        mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) ':');
        return "v0=" + HEX.formatHex(mac.doFinal(body));
    }

    private Mac fresh() {
        try {
            return (Mac) keyed.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("this JVM's HmacSHA256 cannot be cloned", e);
        }
    }
}
