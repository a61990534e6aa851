package se.planbot.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.ZoneId;
import se.planbot.auth.ApiTokens;
import se.planbot.dialogs.Dialogs;
import se.planbot.plan.PlanService;
import se.planbot.plan.PlanTransfer;
import se.planbot.subscribers.PersonalDataService;
import se.planbot.subscribers.SubscriberService;

/**
 * The coordinator's tools in the console beside the plan pages ({@link ConsoleWeb}): import and
 * export, dialogs, subscribers' GDPR requests, API keys. Each page group goes through its
 * feature's service; the route table names the handlers and gives each its access level.
 */
public record ConsoleTools(ConsoleImportPages imports, ConsoleDialogPages dialogs, ConsoleSubscriberPages subscribers,
        ConsoleTokenPages tokens) {

    /** The services the tools go through. */
    public record Services(PlanService plan, PlanTransfer transfer, Dialogs dialogs, SubscriberService subscribers,
            PersonalDataService personalData, ApiTokens tokens) {
    }

    public static ConsoleTools create(PebbleRenderer renderer, WebFaces.Settings settings, Services services,
            ObjectMapper json, Clock clock, ZoneId zone) {
        var pages = new Pages(renderer, new Csrf(settings.secureCookies()), settings.locale(), settings.site(),
                settings.trustForwardedFor());
        return new ConsoleTools(
                new ConsoleImportPages(services.transfer(), new PendingImports(clock), pages),
                new ConsoleDialogPages(services.dialogs().dialogs(), services.dialogs().registrations(), services.plan(),
                        pages, zone),
                new ConsoleSubscriberPages(services.subscribers(), services.personalData(), services.plan(), json, pages),
                new ConsoleTokenPages(services.tokens(), pages, zone));
    }
}
