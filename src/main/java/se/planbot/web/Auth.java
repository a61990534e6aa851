package se.planbot.web;

import io.javalin.http.Context;
import se.planbot.auth.ApiClient;
import se.planbot.auth.ApiTokens;
import se.planbot.auth.TokenRole;

/** Reads {@code Authorization: Bearer <token>}; {@link AccessGuard} calls it for every {@code token(...)} route. */
final class Auth {

    private final ApiTokens tokens;

    Auth(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** The token's client, when it is valid and its role includes {@code least}. */
    ApiClient require(Context ctx, TokenRole least) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new Unauthorized("Ange en API-token: Authorization: Bearer <token> (skapas med 'token create')");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Unauthorized("Authorization ska ha formen 'Bearer <token>'");
        }
        ApiClient client = tokens.verify(header.substring(7).trim())
                .orElseThrow(() -> new Unauthorized("Okänd eller återkallad API-token"));
        if (!client.role().includes(least)) {
            throw new Forbidden("Det här kräver en token med rollen " + least.code()
                    + "; din token har rollen " + client.role().code());
        }
        return client;
    }
}
