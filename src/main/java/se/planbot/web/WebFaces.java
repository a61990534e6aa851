package se.planbot.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import se.planbot.auth.ApiTokens;
import se.planbot.dialogs.Dialogs;
import se.planbot.indicators.IndicatorService;
import se.planbot.plan.PlanService;
import se.planbot.proposals.ProposalService;
import se.planbot.subscribers.PersonalDataService;
import se.planbot.subscribers.SubscriberService;

/**
 * The faces that share the page helpers (which stay package-private), put together once: the public
 * pages, the coordinator's dialog and GDPR API, the access guard and the Swedish 404 page.
 * The route table names their handlers; Planbot builds one.
 *
 * @param pageNotFound the Swedish 404 page, for paths no route knows
 */
public record WebFaces(PebbleRenderer renderer, PlanPages planPages, IndicatorPages indicatorPages, DialogPages dialogPages,
        SubscriptionPages subscriptionPages, DialogApi dialogApi, SubscriberApi subscriberApi,
        ProposalApi proposalApi, ProposalPages proposalPages, ConsoleProposalPages consoleProposals,
        AccessGuard guard, Handler pageNotFound) {

    /** What every page shows and how forms behave. */
    public record Settings(Map<String, Object> site, Locale locale, boolean secureCookies, boolean trustForwardedFor,
            int formsPerHour) {
    }

    public static WebFaces create(PebbleRenderer renderer, Settings settings, PlanService plan,
            SubscriberService subscribers, PersonalDataService personalData, Dialogs dialogs, ProposalService proposals,
            ApiTokens tokens,
            ConsoleSessions sessions, ObjectMapper json, Clock clock, ZoneId zone, IndicatorService indicators) {
        var pages = new Pages(renderer, new Csrf(settings.secureCookies()), settings.locale(), settings.site(),
                settings.trustForwardedFor());
        var limiter = new RateLimiter(settings.formsPerHour(), Duration.ofHours(1), clock);
        var indicatorPages = new IndicatorPages(indicators, pages, zone);
        return new WebFaces(renderer,
                new PlanPages(plan, proposals, pages, zone, indicatorPages),
                indicatorPages,
                new DialogPages(dialogs.dialogs(), dialogs.registrations(), dialogs.calendar(), dialogs.texts(), proposals,
                        pages, limiter),
                new SubscriptionPages(subscribers, personalData, plan, pages, limiter, json),
                new DialogApi(dialogs.dialogs(), dialogs.registrations(), json, zone),
                new SubscriberApi(personalData, json),
                new ProposalApi(proposals, json),
                new ProposalPages(proposals, plan, dialogs.dialogs(), dialogs.texts(), personalData, pages, limiter, json,
                        zone),
                new ConsoleProposalPages(proposals, plan, dialogs.dialogs(), pages, zone),
                new AccessGuard(new Auth(tokens), pages, sessions),
                pages::notFound);
    }
}
