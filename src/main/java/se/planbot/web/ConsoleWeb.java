package se.planbot.web;

import static se.planbot.plan.PersonRole.COORDINATOR;
import static se.planbot.plan.PersonRole.OWNER;
import static se.planbot.plan.PersonRole.WORKING_GROUP;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import se.planbot.plan.PlanService;
import se.planbot.signin.OwnerLinks;
import se.planbot.signin.SignInService;

/** The coordinator's console, put together from its parts (the page helpers stay package-private). */
public record ConsoleWeb(List<Routes> faces) {

    /** Sign-in links asked for one address per hour, whoever asks. */
    static final int LINKS_PER_ADDRESS_AND_HOUR = 5;

    public static ConsoleWeb create(PebbleRenderer renderer, SignInService signIn, OwnerLinks ownerLinks, PlanService plan,
            Clock clock, ZoneId zone, Locale locale,
            Map<String, Object> site, boolean secureCookies, boolean trustForwardedFor, int formsPerHour) {
        var pages = new Pages(renderer, new Csrf(secureCookies), locale, site, trustForwardedFor);
        var cookie = new SessionCookie(secureCookies);
        var perClient = new RateLimiter(formsPerHour, Duration.ofHours(1), clock);
        var perAddress = new RateLimiter(LINKS_PER_ADDRESS_AND_HOUR, Duration.ofHours(1), clock);
        var access = new ConsoleAccess(signIn, cookie, pages);
        var actions = new ConsoleActionPages(plan, pages, zone);
        Routes console = routes -> {
            routes.get("/admin/actions", access.only(actions::list, COORDINATOR, WORKING_GROUP));
            routes.get("/admin/actions/new", access.only(actions::newForm, COORDINATOR));
            routes.post("/admin/actions", access.only(actions::create, COORDINATOR));
            routes.get("/admin/actions/{id}", access.only(actions::show, COORDINATOR, WORKING_GROUP, OWNER));
            routes.post("/admin/actions/{id}", access.only(actions::save, COORDINATOR));
            routes.post("/admin/actions/{id}/update", access.only(actions::quickUpdate, COORDINATOR, OWNER));
        };
        return new ConsoleWeb(List.of(new SignInPages(signIn, pages, cookie, perClient, perAddress, access),
                new OwnerUpdatePages(plan, ownerLinks, pages), console));
    }
}
