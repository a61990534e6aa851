package se.planbot.web;

import io.javalin.http.Context;

/**
 * The console's session cookie: the session's secret only (the session itself lives in the
 * database). HttpOnly so no script reads it, SameSite=Lax so another site's form cannot use it
 * (a link from a mail still arrives signed in), Secure when Planbot is served over https, and
 * limited to /admin. No expiry: the server ends a session that is idle too long.
 */
final class SessionCookie {

    static final String NAME = "planbot_session";

    private final boolean secure;

    SessionCookie(boolean secure) {
        this.secure = secure;
    }

    String read(Context ctx) {
        return ctx.cookie(NAME);
    }

    void set(Context ctx, String secret) {
        ctx.res().addHeader("Set-Cookie", NAME + "=" + secret + attributes());
    }

    void clear(Context ctx) {
        ctx.res().addHeader("Set-Cookie", NAME + "=" + attributes() + "; Max-Age=0");
    }

    private String attributes() {
        return "; Path=/admin; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }
}
