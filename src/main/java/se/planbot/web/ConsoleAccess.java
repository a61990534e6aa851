package se.planbot.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import se.planbot.plan.Person;
import se.planbot.plan.PersonRole;
import se.planbot.signin.SignInService;

/**
 * The check in front of a console page: someone signed in, with one of the page's roles, and on
 * a POST the form's CSRF field. Signed out goes to the sign-in page; a role without access gets
 * the 403 page. Handlers read who is signed in with {@link #person(Context)}.
 */
final class ConsoleAccess {

    private static final String PERSON = "planbot.console-person";

    private final SignInService signIn;
    private final SessionCookie cookie;
    private final Pages pages;

    ConsoleAccess(SignInService signIn, SessionCookie cookie, Pages pages) {
        this.signIn = signIn;
        this.cookie = cookie;
        this.pages = pages;
    }

    /** The person signed in on this request, by their session cookie. */
    Optional<Person> signedIn(Context ctx) {
        return signIn.session(cookie.read(ctx)).map(session -> session.person());
    }

    Handler only(Handler handler, PersonRole... roles) {
        Set<PersonRole> admitted = EnumSet.of(roles[0], roles);
        return ctx -> {
            Optional<Person> person = signedIn(ctx);
            if (person.isEmpty()) {
                ctx.header("Cache-Control", "no-store");
                ctx.redirect("/admin/login" + ("en".equals(pages.locale(ctx).getLanguage()) ? "?locale=en" : ""),
                        io.javalin.http.HttpStatus.SEE_OTHER);
                return;
            }
            ctx.attribute(PERSON, person.get());
            if (!admitted.contains(person.get().role())) {
                var model = pages.model(ctx);
                model.put("me", person.get());
                pages.show(ctx, 403, "console/forbidden", model);
                return;
            }
            if (ctx.method() == HandlerType.POST && !pages.csrfValid(ctx)) {
                pages.staleForm(ctx);
                return;
            }
            handler.handle(ctx);
        };
    }

    static Person person(Context ctx) {
        Person person = ctx.attribute(PERSON);
        if (person == null) {
            throw new IllegalStateException("nobody signed in: " + ctx.path() + " is not a console route");
        }
        return person;
    }
}
