package se.planbot.web;

import io.javalin.http.Context;
import java.util.Optional;
import se.planbot.plan.Person;

/**
 * Who is signed in to the coordinator console on this request. The console's sign-in plugs in here;
 * {@link #NONE} (no console yet) signs in nobody, so every {@code console(...)} route refuses.
 */
@FunctionalInterface
public interface ConsoleSessions {

    ConsoleSessions NONE = ctx -> Optional.empty();

    Optional<Person> signedIn(Context ctx);
}
