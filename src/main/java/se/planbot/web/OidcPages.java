package se.planbot.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planbot.oidc.OidcSettings;
import se.planbot.oidc.OidcSignIn;
import se.planbot.oidc.SignInRefused;
import se.planbot.plan.Person;
import se.planbot.signin.SignInService;

/**
 * Sign-in to the console through the municipality's identity provider (on when
 * {@code auth.oidc.issuer} is set). The first route sends the browser to the provider with a
 * cookie that binds the answer to this browser; the callback checks it all and begins a console
 * session through {@link SignInService#signIn}, or shows a Swedish page saying why not.
 *
 * <pre>
 * curl -si localhost:7070/admin/login/oidc            # 303 to the provider, Set-Cookie planbot_oidc
 * curl -si 'localhost:7070/admin/login/oidc/callback?state=S&amp;code=C' -b planbot_oidc=B
 * </pre>
 */
public final class OidcPages {

    public static final String START_PATH = "/admin/login/oidc";
    public static final String CALLBACK_PATH = OidcSettings.CALLBACK_PATH;
    static final String COOKIE = "planbot_oidc";
    private static final Logger log = LoggerFactory.getLogger(OidcPages.class);

    private final OidcSignIn oidc;
    private final SignInService signIn;
    private final Pages pages;
    private final SessionCookie session;
    private final boolean secure;

    OidcPages(OidcSignIn oidc, SignInService signIn, Pages pages, SessionCookie session, boolean secure) {
        this.oidc = oidc;
        this.signIn = signIn;
        this.pages = pages;
        this.session = session;
        this.secure = secure;
    }

    /** GET /admin/login/oidc: to the provider, with the browser-binding cookie. */
    public void begin(Context ctx) {
        try {
            var start = oidc.begin();
            // SameSite=Lax: the provider's redirect back is a top-level GET, which Lax lets through.
            ctx.res().addHeader("Set-Cookie", COOKIE + "=" + start.browserSecret() + "; Path=" + START_PATH
                    + "; Max-Age=600; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : ""));
            ctx.header("Cache-Control", "no-store");
            ctx.redirect(start.redirect().toString(), HttpStatus.SEE_OTHER);
        } catch (SignInRefused refused) {
            refuse(ctx, refused);
        }
    }

    /** GET /admin/login/oidc/callback: the provider's answer; a console session, or a page saying why not. */
    public void callback(Context ctx) {
        ctx.res().addHeader("Set-Cookie", COOKIE + "=; Path=" + START_PATH + "; Max-Age=0; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : ""));
        Person person;
        try {
            person = oidc.finish(ctx.queryParam("state"), ctx.queryParam("code"), ctx.queryParam("error"), ctx.cookie(COOKIE));
        } catch (SignInRefused refused) {
            refuse(ctx, refused);
            return;
        }
        session.set(ctx, signIn.signIn(person.id(), "oidc").secret());
        ctx.header("Cache-Control", "no-store");
        ctx.redirect("/admin", HttpStatus.SEE_OTHER);
    }

    private void refuse(Context ctx, SignInRefused refused) {
        log.info("Sign-in through the identity provider refused: {}", refused.getMessage());
        String key = "console_oidc_" + refused.refusal().name().toLowerCase(Locale.ROOT);
        var model = pages.model(ctx);
        model.put("titleKey", key + "_title");
        model.put("textKey", key + "_text");
        refused.address().ifPresent(address -> model.put("address", address));
        pages.show(ctx, refused.refusal().status(), "console/oidc-refused", model);
    }
}
