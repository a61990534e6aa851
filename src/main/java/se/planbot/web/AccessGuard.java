package se.planbot.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import se.planbot.auth.ApiClient;
import se.planbot.plan.Person;

/**
 * The one check in front of every route: reads the route's {@link Access} from the route table and
 * refuses before the handler runs. A refused API call gets problem+json (401 without a valid token,
 * 403 below the route's role); a refused form or console page gets a Swedish page (403, or 401 when
 * nobody is signed in). Handlers read who called with {@link #client(Context)} and {@link #person(Context)}.
 */
public final class AccessGuard implements Handler {

    private static final String CLIENT = "planbot.api-client";
    private static final String PERSON = "planbot.console-person";

    private final Auth auth;
    private final Pages pages;
    private final ConsoleSessions sessions;

    AccessGuard(Auth auth, Pages pages, ConsoleSessions sessions) {
        this.auth = auth;
        this.pages = pages;
        this.sessions = sessions;
    }

    @Override
    public void handle(Context ctx) {
        Access access = ctx.routeRoles().stream().filter(Access.class::isInstance).map(Access.class::cast)
                .findFirst().orElseThrow(() -> new IllegalStateException("route without access level: " + ctx.path()));
        switch (access.level()) {
            case TOKEN -> ctx.attribute(CLIENT, auth.require(ctx, access.token()));
            case FORM -> refuseStaleForm(ctx);
            case CONSOLE -> admitConsole(ctx, access);
            case PUBLIC, LINK, SLACK, OPERATOR -> {
                // Open: a link or Slack request proves itself in its handler (link token, signature).
            }
        }
    }

    private void refuseStaleForm(Context ctx) {
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD && !pages.csrfValid(ctx)) {
            pages.staleForm(ctx);
            ctx.skipRemainingHandlers();
        }
    }

    private void admitConsole(Context ctx, Access access) {
        var person = sessions.signedIn(ctx);
        if (person.isEmpty()) {
            pages.signInRequired(ctx);
            ctx.skipRemainingHandlers();
        } else if (!access.console().contains(person.get().role())) {
            pages.forbidden(ctx);
            ctx.skipRemainingHandlers();
        } else {
            ctx.attribute(PERSON, person.get());
            refuseStaleForm(ctx);
        }
    }

    /** The API client the guard admitted on a {@code token(...)} route. */
    public static ApiClient client(Context ctx) {
        ApiClient client = ctx.attribute(CLIENT);
        if (client == null) {
            throw new IllegalStateException("no API client: the route " + ctx.path() + " is not a token route");
        }
        return client;
    }

    /** The signed-in person the guard admitted on a {@code console(...)} route. */
    public static Person person(Context ctx) {
        Person person = ctx.attribute(PERSON);
        if (person == null) {
            throw new IllegalStateException("nobody signed in: the route " + ctx.path() + " is not a console route");
        }
        return person;
    }
}
