package se.planbot.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.planbot.auth.ApiTokens;
import se.planbot.auth.TokenInfo;
import se.planbot.auth.TokenRole;
import se.planbot.problem.InvalidInput;
import se.planbot.problem.NotFound;

/**
 * API-nycklar: the API tokens, as {@code planbot token} manages them. A new token is shown once,
 * on the page that answers its creation (never again: only its hash is kept); a revoked one stops
 * working at once. Through {@link ApiTokens}.
 *
 * <pre>
 * curl -s -b planbot_session=SECRET localhost:7070/admin/tokens
 * </pre>
 */
public final class ConsoleTokenPages {

    private final ApiTokens tokens;
    private final Pages pages;
    private final ZoneId zone;

    ConsoleTokenPages(ApiTokens tokens, Pages pages, ZoneId zone) {
        this.tokens = tokens;
        this.pages = pages;
        this.zone = zone;
    }

    /** GET /admin/tokens: every token (never its secret), and the form for a new one. */
    public void list(Context ctx) {
        var model = model(ctx);
        model.put("form", Map.of("role", TokenRole.COORDINATOR.code()));
        String revoked = ctx.queryParam("revoked");
        model.put("revoked", revoked != null && revoked.matches("\\d{1,12}") ? revoked : null);
        listPage(ctx, 200, model);
    }

    /** POST /admin/tokens (fields {@code name}, {@code role}): the new token, shown this once. */
    public void create(Context ctx) {
        var model = model(ctx);
        String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
        String role = ctx.formParam("role") == null ? "" : ctx.formParam("role");
        try {
            TokenRole chosen = TokenRole.fromCode(role)
                    .orElseThrow(() -> new InvalidInput("role", "välj en roll i listan"));
            model.put("created", Map.of("name", name, "role", chosen.code(), "token", tokens.create(name, chosen)));
            model.put("form", Map.of("role", TokenRole.COORDINATOR.code()));
            listPage(ctx, 200, model);
        } catch (InvalidInput invalid) {
            Pages.addErrors(model, invalid.errors());
            model.put("form", Map.of("name", name, "role", role));
            listPage(ctx, 400, model);
        }
    }

    /** POST /admin/tokens/{id}/revoke: the token stops working at once; again changes nothing. */
    public void revoke(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<Long> number = id.matches("\\d{1,12}") ? Optional.of(Long.parseLong(id)) : Optional.empty();
        try {
            tokens.revoke(number.orElseThrow(() -> new NotFound("token " + id + " finns inte")));
            ctx.redirect("/admin/tokens?revoked=" + id + ("en".equals(pages.locale(ctx).getLanguage()) ? "&locale=en" : ""),
                    HttpStatus.SEE_OTHER);
        } catch (NotFound missing) {
            pages.show(ctx, 404, "console/not-found", model(ctx));
        }
    }

    private void listPage(Context ctx, int status, Map<String, Object> model) {
        Locale locale = pages.locale(ctx);
        var format = DateTimeFormatter.ofPattern("d MMM yyyy HH.mm", locale);
        model.put("tokens", tokens.list().stream().map(token -> view(token, format)).toList());
        model.put("roles", Arrays.stream(TokenRole.values()).map(TokenRole::code).toList());
        pages.show(ctx, status, "console/tokens", model);
    }

    private Map<String, Object> view(TokenInfo token, DateTimeFormatter format) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", token.id());
        view.put("name", token.name());
        view.put("role", token.role().code());
        view.put("created", format.format(token.createdAt().atZone(zone)));
        view.put("revoked", token.revokedAt() == null ? "" : format.format(token.revokedAt().atZone(zone)));
        return view;
    }

    private Map<String, Object> model(Context ctx) {
        var model = pages.model(ctx);
        model.put("me", AccessGuard.person(ctx));
        model.put("section", "tokens");
        return model;
    }
}
