package se.planbot.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every public page shares: language (Swedish unless {@code ?locale=en} or the configured
 * default says otherwise), texts, CSRF token, programme facts, security headers, client address,
 * and the answers for "not found" and "too many requests".
 */
final class Pages {

    static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
    private static final String PAGE = "planbot.page";
    private static final String UNREADABLE = "planbot.unreadable-form";
    private static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self'%s; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final PebbleRenderer renderer;
    private final Csrf csrf;
    private final Locale defaultLocale;
    private final Map<String, Object> site;
    private final String policy;
    private final boolean trustForwardedFor;

    Pages(PebbleRenderer renderer, Csrf csrf, Locale defaultLocale, Map<String, Object> site, boolean trustForwardedFor) {
        this.renderer = renderer;
        this.csrf = csrf;
        this.defaultLocale = defaultLocale;
        this.site = Map.copyOf(site);
        // The organisation's logo may live on its own web server.
        Object logoOrigin = site.getOrDefault("logoOrigin", "");
        this.policy = POLICY.formatted(logoOrigin.toString().isEmpty() ? "" : " " + logoOrigin);
        this.trustForwardedFor = trustForwardedFor;
    }

    Locale locale(Context ctx) {
        String asked = ctx.queryParam("locale");
        if (asked == null && ctx.isFormUrlencoded() && ctx.attribute(UNREADABLE) == null) {
            asked = ctx.formParam("locale");
        }
        if ("en".equals(asked)) {
            return Locale.ENGLISH;
        }
        if ("sv".equals(asked)) {
            return SWEDISH;
        }
        return "en".equals(defaultLocale.getLanguage()) ? Locale.ENGLISH : SWEDISH;
    }

    /** The model every template gets; pages add their own values to it. */
    Map<String, Object> model(Context ctx) {
        Locale locale = locale(ctx);
        boolean english = "en".equals(locale.getLanguage());
        var model = new HashMap<String, Object>();
        model.put("locale", locale);
        model.put("lang", english ? "en" : "sv");
        model.put("en", english);
        // Links keep the language: "?locale=en" to start a query, "&locale=en" to extend one.
        model.put("q", english ? "?locale=en" : "");
        model.put("amp", english ? "&locale=en" : "");
        model.put("t", renderer.messages(locale));
        model.put("site", site);
        model.put("organisation", site.get("organisation"));
        model.put("path", ctx.path());
        model.put("section", section(ctx.path()));
        model.put("switchUrl", switchUrl(ctx, english ? "sv" : "en"));
        model.put("csrf", csrf.token(ctx));
        model.put("errors", Map.of());
        model.put("form", Map.of());
        return model;
    }

    /** Which menu item the page belongs to, for aria-current. */
    private static String section(String path) {
        if (path.equals("/")) {
            return "overview";
        }
        for (String section : List.of("plan", "indicators", "dialogs", "proposals", "follow-up", "subscribe")) {
            if (path.equals("/" + section) || path.startsWith("/" + section + "/") || path.startsWith("/" + section + ".")) {
                return section;
            }
        }
        return "";
    }

    /** This page in the other language, keeping its query (a link token, filters). */
    private static String switchUrl(Context ctx, String language) {
        var query = new StringBuilder();
        ctx.queryParamMap().forEach((name, values) -> {
            if (!name.equals("locale")) {
                values.forEach(value -> query.append(encode(name)).append('=').append(encode(value)).append('&'));
            }
        });
        return ctx.path() + "?" + query + "locale=" + language;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** True when this request was answered by one of our pages (so an error handler leaves it be). */
    static boolean isPage(Context ctx) {
        return ctx.attribute(PAGE) != null;
    }

    void show(Context ctx, int status, String page, Map<String, Object> model) {
        ctx.attribute(PAGE, page);
        ctx.header("Content-Security-Policy", policy);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).render("web/" + page + ".peb", model);
    }

    void notFound(Context ctx) {
        var model = model(ctx);
        show(ctx, 404, "not-found", model);
    }

    void badLink(Context ctx) {
        show(ctx, 404, "bad-link", model(ctx));
    }

    /** 403 page for a form whose CSRF check failed (e.g. cookies off, or an old tab). */
    void staleForm(Context ctx) {
        show(ctx, 403, "stale-form", model(ctx));
    }

    /**
     * True when the form's body can be read: a charset Java does not know or a broken multipart
     * body make the servlet's parser throw, which must be the 400 page, not a 500 with a stack trace.
     */
    boolean formReadable(Context ctx) {
        try {
            ctx.formParamMap();
            return true;
        } catch (Exception unreadable) { // a broken multipart body is a ServletException, thrown undeclared
            ctx.attribute(UNREADABLE, true);
            return false;
        }
    }

    /** 400 page for a request whose body cannot be read; nothing was changed. */
    void badRequest(Context ctx) {
        show(ctx, 400, "bad-request", model(ctx));
    }

    /** 401 page for a console page when nobody is signed in. */
    void signInRequired(Context ctx) {
        show(ctx, 401, "signin-required", model(ctx));
    }

    /** 403 page for a console page the signed-in person's role does not open. */
    void forbidden(Context ctx) {
        show(ctx, 403, "forbidden", model(ctx));
    }

    /** 429 saying when to try again: in whole minutes, rounded up (at least one). */
    void tooMany(Context ctx, long retryAfterSeconds) {
        ctx.header("Retry-After", Long.toString(retryAfterSeconds));
        var model = model(ctx);
        model.put("retryMinutes", Math.max(1, (retryAfterSeconds + 59) / 60));
        show(ctx, 429, "too-many", model);
    }

    boolean csrfValid(Context ctx) {
        return csrf.valid(ctx);
    }

    /** The client's address; the first X-Forwarded-For hop only when configured behind a proxy. */
    String client(Context ctx) {
        if (trustForwardedFor) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].trim();
            }
        }
        return ctx.ip();
    }

    String css() {
        return renderer.webFile("style.css");
    }

    /**
     * Form errors as a map field → message for the template, and their list for the summary.
     * The features word their messages in Swedish; an English page shows the field's English
     * message from the texts ({@code error_<field>}) where there is one.
     */
    @SuppressWarnings("unchecked")
    static void addErrors(Map<String, Object> model, List<se.planbot.problem.FieldError> given) {
        var texts = (Map<String, String>) model.get("t");
        List<se.planbot.problem.FieldError> errors = Boolean.TRUE.equals(model.get("en"))
                ? given.stream().map(error -> new se.planbot.problem.FieldError(error.field(),
                        texts.getOrDefault("error_" + error.field(), error.message()))).distinct().toList()
                : given;
        var byField = new HashMap<String, String>();
        errors.forEach(error -> byField.merge(error.field(), error.message(), (a, b) -> a + "; " + b));
        model.put("errors", byField);
        model.put("errorList", errors);
    }
}
