package se.planbot.web;

import java.time.Clock;
import java.time.ZoneId;
import se.planbot.dialogs.Dialogs;
import se.planbot.plan.PlanService;
import se.planbot.plan.PlanTransfer;

/**
 * The coordinator's tools in the console beside the plan pages ({@link ConsoleWeb}): import and
 * export, dialogs, subscribers' GDPR requests, API keys. Each page group goes through its
 * feature's service; the route table names the handlers and gives each its access level.
 */
public record ConsoleTools(ConsoleImportPages imports, ConsoleDialogPages dialogs) {

    public static ConsoleTools create(PebbleRenderer renderer, WebFaces.Settings settings, PlanService plan,
            PlanTransfer transfer, Dialogs dialogs, Clock clock, ZoneId zone) {
        var pages = new Pages(renderer, new Csrf(settings.secureCookies()), settings.locale(), settings.site(),
                settings.trustForwardedFor());
        return new ConsoleTools(
                new ConsoleImportPages(transfer, new PendingImports(clock), pages),
                new ConsoleDialogPages(dialogs.dialogs(), dialogs.registrations(), plan, pages, zone));
    }
}
