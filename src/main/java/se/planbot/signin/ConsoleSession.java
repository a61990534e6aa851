package se.planbot.signin;

import java.time.Instant;
import se.planbot.plan.Person;

/**
 * Someone signed in to the console, as their session finds them now: the person as the people
 * table has them at this moment (so a role change shows at once), and how they signed in.
 *
 * @param via how the session began, e.g. {@code mail-link} or {@code oidc}
 */
public record ConsoleSession(Person person, String via, Instant since) {
}
