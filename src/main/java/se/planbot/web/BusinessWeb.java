package se.planbot.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import se.planbot.dialogs.Dialogs;
import se.planbot.plan.PlanService;
import se.planbot.subscribers.PersonalDataService;
import se.planbot.subscribers.SubscriberService;

/**
 * The public web for businesses and the public, and the coordinator's dialog and GDPR API, put
 * together from their parts (the page helpers stay package-private). Planbot builds one.
 *
 * @param pageNotFound the Swedish 404 page, for paths no route knows
 * @param site values every page shows: programme name, period, goal, accessibility contact
 */
public record BusinessWeb(PebbleRenderer renderer, List<Routes> faces, io.javalin.http.Handler pageNotFound) {

    public static BusinessWeb create(PebbleRenderer renderer, PlanService plan, SubscriberService subscribers,
            PersonalDataService personalData, Dialogs dialogs, Auth auth, ObjectMapper json, Clock clock, ZoneId zone, Locale locale,
            Map<String, Object> site, boolean secureCookies, boolean trustForwardedFor, int formsPerHour) {
        var pages = new Pages(renderer, new Csrf(secureCookies), locale, site, trustForwardedFor);
        var limiter = new RateLimiter(formsPerHour, Duration.ofHours(1), clock);
        return new BusinessWeb(renderer, List.of(
                new PlanPages(plan, pages, zone),
                new DialogPages(dialogs.dialogs(), dialogs.registrations(), dialogs.calendar(), dialogs.texts(), pages, limiter),
                new SubscriptionPages(subscribers, personalData, plan, pages, limiter, json),
                new DialogApi(dialogs.dialogs(), dialogs.registrations(), auth, json, zone),
                new SubscriberApi(personalData, auth, json)), pages::notFound);
    }
}
