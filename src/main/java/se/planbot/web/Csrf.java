package se.planbot.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF protection for the public forms by double submit: a random value in a SameSite=Strict,
 * HttpOnly cookie and the same value in a hidden field; a POST must carry both and they must
 * match. Another site can make a browser post, but can neither read nor set the cookie.
 * (The RFC 8058 one-click unsubscribe is exempt: its link token is its authentication.)
 */
final class Csrf {

    static final String COOKIE = "planbot_csrf";
    static final String FIELD = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean secure;

    Csrf(boolean secure) {
        this.secure = secure;
    }

    /** The token for this browser's forms; sets the cookie when the browser has none yet. */
    String token(Context ctx) {
        String existing = ctx.cookie(COOKIE);
        if (existing != null && existing.matches("[A-Za-z0-9_-]{43}")) {
            return existing;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ctx.res().addHeader("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : ""));
        return token;
    }

    /** True when the POST's field matches its cookie. */
    boolean valid(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        String field = ctx.formParam(FIELD);
        if (cookie == null || field == null || cookie.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8));
    }
}
