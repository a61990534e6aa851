package se.planbot.subscribers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Tokens for links in mails (confirm, unsubscribe, preferences, cancel a registration):
 * 256 random bits, URL-safe; only the SHA-256 is stored, so a copy of the database opens no link.
 * High entropy makes a plain hash enough and lets us look the token up directly.
 */
public final class LinkTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_LENGTH = 100;

    private LinkTokens() {
    }

    /** A new token: {@code plain} goes into the link, {@code hash} into the database. */
    public record LinkToken(String plain, String hash) {
    }

    /**
     * The start of a link's query that keeps the reader's language: pages are Swedish unless
     * {@code locale=en}, so an English mail's links carry it (before the token, which stays last).
     */
    public static String languageQuery(java.util.Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? "locale=en&" : "";
    }

    public static LinkToken issue() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String plain = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new LinkToken(plain, hash(plain));
    }

    /** The stored form of a token from a link; blank or absurdly long input hashes to nothing found. */
    public static String hash(String plain) {
        String text = plain == null || plain.length() > MAX_LENGTH ? "" : plain.trim();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
