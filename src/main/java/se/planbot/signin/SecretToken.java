package se.planbot.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A secret for a sign-in link or a session cookie: 256 random bits, URL-safe. Only its SHA-256
 * is stored; with that much entropy a plain hash is enough and lets us look the secret up directly.
 *
 * @param plain goes into the link or the cookie, never into the database
 * @param hash  goes into the database
 */
record SecretToken(String plain, String hash) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_LENGTH = 100;

    static SecretToken issue() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String plain = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new SecretToken(plain, hash(plain));
    }

    /** The stored form of a secret someone presents; blank or absurdly long input hashes to nothing found. */
    static String hash(String plain) {
        String text = plain == null || plain.length() > MAX_LENGTH ? "" : plain.trim();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
