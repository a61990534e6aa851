package se.planbot.web;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.planbot.problem.InvalidInput;
import se.planbot.signin.SignInService;

/**
 * Signing in to the console and out again. The sign-in page answers the same whether the
 * address is known or not; the mailed link's GET only shows a button (mail scanners follow
 * links), its POST signs in.
 *
 * <pre>
 * curl -s localhost:7070/admin/login
 * curl -s 'localhost:7070/admin/login/link?token=TOKEN'
 * </pre>
 */
public final class SignInPages {

    private final SignInService signIn;
    private final Pages pages;
    private final SessionCookie cookie;
    private final RateLimiter perClient;
    private final RateLimiter perAddress;
    private final SignInWays ways;

    SignInPages(SignInService signIn, Pages pages, SessionCookie cookie, RateLimiter perClient, RateLimiter perAddress,
            SignInWays ways) {
        this.signIn = signIn;
        this.ways = ways;
        this.pages = pages;
        this.cookie = cookie;
        this.perClient = perClient;
        this.perAddress = perAddress;
    }

    /** GET /admin/login: the form that asks for an e-mail address. */
    public void loginPage(Context ctx) {
        loginForm(ctx, 200, pages.model(ctx));
    }

    private void loginForm(Context ctx, int status, Map<String, Object> model) {
        model.put("signedOut", ctx.queryParam("signedOut") != null);
        model.put("mailLink", ways.mailLink());
        model.put("oidc", ways.oidc());
        pages.show(ctx, status, "console/login", model);
    }

    /** POST /admin/login: mails a link if the address is a person's; answers the same either way. */
    public void mailLink(Context ctx) {
        if (!ways.mailLink()) {
            pages.notFound(ctx);
            return;
        }
        String email = Optional.ofNullable(ctx.formParam("email")).orElse("").trim();
        if (!perClient.allow("sign-in:" + pages.client(ctx))
                || !perAddress.allow("sign-in:" + email.toLowerCase(Locale.ROOT))) {
            pages.tooMany(ctx, perClient.window().toSeconds());
            return;
        }
        var model = pages.model(ctx);
        try {
            signIn.mailLink(email, pages.locale(ctx));
            pages.show(ctx, 200, "console/login-sent", model);
        } catch (InvalidInput e) {
            Pages.addErrors(model, e.errors());
            model.put("form", Map.of("email", email));
            loginForm(ctx, 400, model);
        }
    }

    /** GET /admin/login/link?token=…: a button only (mail scanners follow links). */
    public void linkPage(Context ctx) {
        if (!ways.mailLink()) {
            pages.notFound(ctx);
            return;
        }
        String token = Optional.ofNullable(ctx.queryParam("token")).orElse("");
        if (!signIn.linkIsUsable(token)) {
            pages.show(ctx, 404, "console/login-expired", pages.model(ctx));
            return;
        }
        var model = pages.model(ctx);
        model.put("token", token);
        pages.show(ctx, 200, "console/login-link", model);
    }

    /** POST /admin/login/link: uses the link once and begins the session. */
    public void useLink(Context ctx) {
        if (!ways.mailLink()) {
            pages.notFound(ctx);
            return;
        }
        var session = signIn.signInWithLink(Optional.ofNullable(ctx.formParam("token")).orElse(""));
        if (session.isEmpty()) {
            pages.show(ctx, 404, "console/login-expired", pages.model(ctx));
            return;
        }
        cookie.set(ctx, session.get().secret());
        seeOther(ctx, "/admin" + languageQuery(ctx));
    }

    /** POST /admin/logout */
    public void signOut(Context ctx) {
        String secret = cookie.read(ctx);
        if (secret != null) {
            signIn.signOut(secret);
        }
        cookie.clear(ctx);
        seeOther(ctx, "/admin/login?signedOut" + (languageQuery(ctx).isEmpty() ? "" : "&locale=en"));
    }

    private String languageQuery(Context ctx) {
        return "en".equals(pages.locale(ctx).getLanguage()) ? "?locale=en" : "";
    }

    private static void seeOther(Context ctx, String location) {
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(location, io.javalin.http.HttpStatus.SEE_OTHER);
    }
}
