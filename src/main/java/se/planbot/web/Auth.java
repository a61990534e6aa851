package se.planbot.web;

import io.javalin.http.Context;
import se.planbot.auth.ApiClient;
import se.planbot.auth.ApiTokens;
import se.planbot.auth.TokenRole;

/** Reads {@code Authorization: Bearer <token>} and insists on a valid token where one is needed. */
public final class Auth {

    private final ApiTokens tokens;

    public Auth(ApiTokens tokens) {
        this.tokens = tokens;
    }

    public ApiClient require(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new Unauthorized("Ange en API-token: Authorization: Bearer <token> (skapas med 'token create')");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Unauthorized("Authorization ska ha formen 'Bearer <token>'");
        }
        return tokens.verify(header.substring(7).trim())
                .orElseThrow(() -> new Unauthorized("Okänd eller återkallad API-token"));
    }

    public ApiClient requireAdmin(Context ctx) {
        ApiClient client = require(ctx);
        if (client.role() != TokenRole.ADMIN) {
            throw new Forbidden("Den här åtgärden kräver en admin-token");
        }
        return client;
    }
}
