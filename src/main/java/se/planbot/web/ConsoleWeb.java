package se.planbot.web;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import se.planbot.indicators.IndicatorService;
import se.planbot.oidc.OidcSignIn;
import se.planbot.outbox.OutboxAdmin;
import se.planbot.plan.PlanService;
import se.planbot.reminders.ReminderSweep;
import se.planbot.signin.ConsoleSession;
import se.planbot.signin.OwnerLinks;
import se.planbot.signin.SignInService;

/**
 * The coordinator's console, put together from its parts (the page helpers stay package-private).
 * The route table names their handlers and gives each its access level.
 */
public record ConsoleWeb(SignInPages signIn, ConsoleOverviewPage overview, ConsoleActionPages actions, ConsolePeoplePages people,
        ConsoleOutboxPages outbox, OwnerUpdatePages owners, Optional<OidcPages> oidc, ConsoleIndicatorPages indicators) {

    /** Sign-in links asked for one address per hour, whoever asks. */
    static final int LINKS_PER_ADDRESS_AND_HOUR = 5;

    public static ConsoleWeb create(PebbleRenderer renderer, WebFaces.Settings settings, SignInService signIn,
            OwnerLinks ownerLinks, PlanService plan, OutboxAdmin outbox, Clock clock, ZoneId zone,
            Optional<OidcSignIn> oidc, boolean mailLink, ReminderSweep sweep, IndicatorService indicators) {
        var pages = new Pages(renderer, new Csrf(settings.secureCookies()), settings.locale(), settings.site(),
                settings.trustForwardedFor());
        var perClient = new RateLimiter(settings.formsPerHour(), Duration.ofHours(1), clock);
        var perAddress = new RateLimiter(LINKS_PER_ADDRESS_AND_HOUR, Duration.ofHours(1), clock);
        var cookie = new SessionCookie(settings.secureCookies());
        return new ConsoleWeb(
                new SignInPages(signIn, pages, cookie, perClient, perAddress, new SignInWays(mailLink, oidc.isPresent())),
                new ConsoleOverviewPage(plan, outbox, sweep, pages, clock, zone),
                new ConsoleActionPages(plan, pages, zone),
                new ConsolePeoplePages(plan, pages),
                new ConsoleOutboxPages(outbox, pages, zone),
                new OwnerUpdatePages(plan, ownerLinks, pages),
                oidc.map(provider -> new OidcPages(provider, signIn, pages, cookie, settings.secureCookies())),
                new ConsoleIndicatorPages(indicators, pages, zone));
    }

    /** Who is signed in on a request, by the session cookie: what the route table's console(...) routes ask. */
    public static ConsoleSessions sessions(SignInService signIn, boolean secureCookies) {
        var cookie = new SessionCookie(secureCookies);
        return ctx -> signIn.session(cookie.read(ctx)).map(ConsoleSession::person);
    }
}
