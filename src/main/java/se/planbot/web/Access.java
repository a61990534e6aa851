package se.planbot.web;

import io.javalin.security.RouteRole;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import se.planbot.auth.TokenRole;
import se.planbot.plan.PersonRole;

/**
 * Who may call a route, declared once on the route in the route table and enforced by
 * {@link AccessGuard} before the handler runs. The handler itself checks no token and no CSRF field.
 *
 * @param level what kind of caller the route is for
 * @param token for {@link Level#TOKEN}: the least token role it takes (admin includes coordinator)
 * @param console for {@link Level#CONSOLE}: the signed-in roles it admits
 */
public record Access(Level level, TokenRole token, Set<PersonRole> console) implements RouteRole {

    public enum Level {
        /** Anyone; reads of public data and the pages that show it. */
        PUBLIC,
        /** A public form's POST: refused with the 403 page unless its CSRF field matches its cookie. */
        FORM,
        /** A link from a mail (RFC 8058 one-click unsubscribe): the link's token is its authentication, no CSRF. */
        LINK,
        /** Slack's requests: the handler verifies the signature over the raw body (401 otherwise). */
        SLACK,
        /** Health and metrics for the operator's monitoring; open, keep it on the operator's network. */
        OPERATOR,
        /** The JSON API with {@code Authorization: Bearer <token>}: 401 without a valid token, 403 below the role. */
        TOKEN,
        /** The coordinator console: a signed-in person with one of the roles; its POSTs also need CSRF. */
        CONSOLE
    }

    public static final Access PUBLIC = new Access(Level.PUBLIC, null, Set.of());
    public static final Access FORM = new Access(Level.FORM, null, Set.of());
    public static final Access LINK = new Access(Level.LINK, null, Set.of());
    public static final Access SLACK = new Access(Level.SLACK, null, Set.of());
    public static final Access OPERATOR = new Access(Level.OPERATOR, null, Set.of());

    public Access {
        console = Set.copyOf(console);
    }

    /** An API token whose role is at least {@code least}. */
    public static Access token(TokenRole least) {
        return new Access(Level.TOKEN, least, Set.of());
    }

    /** A signed-in console user with one of {@code roles}. */
    public static Access console(PersonRole... roles) {
        if (roles.length == 0) {
            throw new IllegalArgumentException("a console route names the roles it admits");
        }
        return new Access(Level.CONSOLE, null, EnumSet.copyOf(Arrays.asList(roles)));
    }

    /** As the route table and README write it: {@code token(coordinator)}, {@code console(coordinator, owner)}, {@code form}. */
    @Override
    public String toString() {
        return switch (level) {
            case TOKEN -> "token(" + token.code() + ")";
            case CONSOLE -> "console(" + console.stream().sorted().map(PersonRole::code)
                    .collect(Collectors.joining(", ")) + ")";
            default -> level.name().toLowerCase(Locale.ROOT);
        };
    }
}
