package se.planbot.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import se.planbot.signin.ConsoleSession;
import se.planbot.signin.SignInService;

/** The coordinator's console, put together from its parts (the page helpers stay package-private). */
public record ConsoleWeb(SignInPages signIn) {

    /** Sign-in links asked for one address per hour, whoever asks. */
    static final int LINKS_PER_ADDRESS_AND_HOUR = 5;

    public static ConsoleWeb create(PebbleRenderer renderer, SignInService signIn, Clock clock, Locale locale,
            Map<String, Object> site, boolean secureCookies, boolean trustForwardedFor, int formsPerHour) {
        var pages = new Pages(renderer, new Csrf(secureCookies), locale, site, trustForwardedFor);
        var cookie = new SessionCookie(secureCookies);
        var perClient = new RateLimiter(formsPerHour, Duration.ofHours(1), clock);
        var perAddress = new RateLimiter(LINKS_PER_ADDRESS_AND_HOUR, Duration.ofHours(1), clock);
        return new ConsoleWeb(new SignInPages(signIn, pages, cookie, perClient, perAddress));
    }

    /** Who is signed in: the session cookie's server-side session, if it is still open. */
    public static ConsoleSessions sessions(SignInService signIn, boolean secureCookies) {
        var cookie = new SessionCookie(secureCookies);
        return ctx -> signIn.session(cookie.read(ctx)).map(ConsoleSession::person);
    }
}
