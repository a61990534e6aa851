package se.planbot;

import static se.planbot.auth.TokenRole.ADMIN;
import static se.planbot.auth.TokenRole.COORDINATOR;
import static se.planbot.web.Access.FORM;
import static se.planbot.web.Access.LINK;
import static se.planbot.web.Access.OPERATOR;
import static se.planbot.web.Access.PUBLIC;
import static se.planbot.web.Access.SLACK;
import static se.planbot.web.Access.console;
import static se.planbot.web.Access.token;
import static se.planbot.web.Route.get;
import static se.planbot.web.Route.patch;
import static se.planbot.web.Route.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.planbot.plan.PersonRole;
import se.planbot.slack.SlackEventsRoute;
import se.planbot.web.ConsoleWeb;
import se.planbot.web.Health;
import se.planbot.web.Metrics;
import se.planbot.web.OpenApiDocument;
import se.planbot.web.OutboxApi;
import se.planbot.web.PlanApi;
import se.planbot.web.Route;
import se.planbot.web.TransferApi;
import se.planbot.web.WebFaces;

/**
 * Every HTTP route of Planbot, in one list: method, path, handler and who may call it. The one
 * {@link se.planbot.web.AccessGuard} enforces the access level before the handler runs; handlers
 * check no token and no CSRF field themselves. Levels ({@link se.planbot.web.Access}):
 * {@code PUBLIC} anyone; {@code FORM} a public form's POST, CSRF field and cookie must match;
 * {@code LINK} a link from a mail, its token authenticates (no CSRF, so RFC 8058 one-click works);
 * {@code SLACK} signed by Slack; {@code OPERATOR} health and metrics; {@code token(role)} an API
 * token of at least that role (admin includes coordinator); {@code console(roles)} a signed-in
 * console user with one of the roles.
 *
 * <p>It sits beside the wiring, not in {@code web/}, because it names handlers of every face
 * (web, Slack, soon the console): from {@code web/} that would be a package cycle.
 */
record RouteTable(WebFaces web, ConsoleWeb consoleWeb, PlanApi plan, TransferApi transfer, OutboxApi outbox,
        OpenApiDocument openApi, Health health, Metrics metrics, Optional<SlackEventsRoute> slack) {

    List<Route> routes() {
        var pages = web.planPages();
        var dialogs = web.dialogPages();
        var subscription = web.subscriptionPages();
        var dialogApi = web.dialogApi();
        var proposals = web.proposalPages();
        var proposalApi = web.proposalApi();
        var routes = new ArrayList<>(List.of(
                // The public site: programme, plan, dialogs (web/PlanPages, web/DialogPages)
                get("/", pages::overview, PUBLIC),
                get("/plan", pages::actionPlan, PUBLIC),
                get("/plan/actions/{id}", pages::action, PUBLIC),
                get("/tillganglighet", pages::accessibility, PUBLIC),
                get("/personuppgifter", pages::privacy, PUBLIC),
                get("/style.css", pages::styleSheet, PUBLIC),
                get("/dialogs", dialogs::list, PUBLIC),
                get("/dialogs.ics", dialogs::calendarFeed, PUBLIC),
                get("/dialogs/{id}", dialogs::show, PUBLIC),
                get("/dialogs/{id}/kalender.ics", dialogs::oneDialogCalendar, PUBLIC),
                post("/dialogs/{id}/register", dialogs::register, FORM),
                post("/dialogs/{id}/proposals", proposals::submitForDialog, FORM),
                get("/registrations/cancel", dialogs::cancelPage, LINK),
                post("/registrations/cancel", dialogs::cancel, FORM),

                // Businesses' subscriptions (web/SubscriptionPages): pages from mail links show a button, its POST acts
                get("/subscribe", subscription::subscribePage, PUBLIC),
                post("/subscribe", subscription::subscribe, FORM),
                get("/subscribe/confirm", subscription::confirmPage, LINK),
                post("/subscribe/confirm", subscription::confirm, FORM),
                get("/preferences", subscription::preferencesPage, LINK),
                post("/preferences", subscription::savePreferences, FORM),
                get("/unsubscribe", subscription::unsubscribePage, LINK),
                post("/unsubscribe", subscription::unsubscribe, LINK),
                get("/my-data", subscription::myDataPage, LINK),
                get("/my-data/export", subscription::export, LINK),
                post("/my-data/erase", subscription::erase, FORM),

                // Proposals in public (web/ProposalPages): the form, the list, each timeline, the links in the proposer's mails
                get("/proposals", proposals::list, PUBLIC),
                get("/proposals/new", proposals::newPage, PUBLIC),
                post("/proposals", proposals::submit, FORM),
                get("/proposals/stop", proposals::stopPage, LINK),
                post("/proposals/stop", proposals::stop, LINK),
                get("/proposals/my-data", proposals::myData, LINK),
                get("/proposals/{id}", proposals::show, PUBLIC),

                // The coordinator's console: signing in by a mailed link (web/SignInPages). A console
                // page opened signed out sends the browser to /admin/login.
                get("/admin/login", consoleWeb.signIn()::loginPage, PUBLIC),
                post("/admin/login", consoleWeb.signIn()::mailLink, FORM),
                get("/admin/login/link", consoleWeb.signIn()::linkPage, LINK),
                post("/admin/login/link", consoleWeb.signIn()::useLink, FORM),
                post("/admin/logout", consoleWeb.signIn()::signOut, FORM),
                get("/admin", consoleWeb.signIn()::home, console(PersonRole.values())),

                // The JSON API described as OpenAPI 3.1 (web/OpenApiDocument); a new API route needs its path there too
                get(OpenApiDocument.PATH, openApi::serve, PUBLIC),

                // The action plan's JSON API (web/PlanApi, web/TransferApi)
                get("/api/v1/program", plan::program, PUBLIC),
                get("/api/v1/strategies", plan::strategies, PUBLIC),
                get("/api/v1/actions", plan::listActions, PUBLIC),
                post("/api/v1/actions", plan::createAction, token(COORDINATOR)),
                get("/api/v1/actions/{id}", plan::showAction, PUBLIC),
                patch("/api/v1/actions/{id}", plan::patchAction, token(COORDINATOR)),
                post("/api/v1/actions/{id}/updates", plan::recordUpdate, token(COORDINATOR)),
                get("/api/v1/people", plan::people, token(COORDINATOR)),
                get("/api/v1/people/{id}", plan::showPerson, token(COORDINATOR)),
                post("/api/v1/people", plan::createPerson, token(COORDINATOR)),
                post("/api/v1/import", transfer::importPlan, token(COORDINATOR)),
                get("/api/v1/export.csv", transfer::exportCsv, token(COORDINATOR)),
                get("/api/v1/export.xlsx", transfer::exportXlsx, token(COORDINATOR)),

                // Dialogs, proposals and GDPR for the coordinator (web/DialogApi, web/ProposalApi, web/SubscriberApi)
                get("/api/v1/dialogs", dialogApi::list, token(COORDINATOR)),
                post("/api/v1/dialogs", dialogApi::create, token(COORDINATOR)),
                get("/api/v1/dialogs/{id}", dialogApi::show, token(COORDINATOR)),
                patch("/api/v1/dialogs/{id}", dialogApi::update, token(COORDINATOR)),
                post("/api/v1/dialogs/{id}/publish", dialogApi::publish, token(COORDINATOR)),
                post("/api/v1/dialogs/{id}/cancel", dialogApi::cancel, token(COORDINATOR)),
                get("/api/v1/dialogs/{id}/registrations", dialogApi::registrations, token(COORDINATOR)),
                get("/api/v1/dialogs/{id}/registrations.csv", dialogApi::registrationsCsv, token(COORDINATOR)),
                get("/api/v1/proposals", proposalApi::list, token(COORDINATOR)),
                post("/api/v1/proposals", proposalApi::create, token(COORDINATOR)),
                get("/api/v1/proposals/{id}", proposalApi::show, token(COORDINATOR)),
                patch("/api/v1/proposals/{id}", proposalApi::patch, token(COORDINATOR)),
                post("/api/v1/proposals/{id}/decision", proposalApi::decide, token(COORDINATOR)),
                post("/api/v1/subscribers/export", web.subscriberApi()::export, token(COORDINATOR)),
                post("/api/v1/subscribers/erase", web.subscriberApi()::erase, token(ADMIN)),

                // Operating (web/OutboxApi, web/Health, web/Metrics)
                get("/api/v1/outbox", outbox::list, token(COORDINATOR)),
                post("/api/v1/outbox/{id}/retry", outbox::retry, token(ADMIN)),
                get("/health", health::report, OPERATOR),
                get("/metrics", metrics::scrape, OPERATOR)));
        // Slack over HTTP, when Slack is on and not in Socket Mode (slack/SlackEventsRoute)
        slack.ifPresent(events -> routes.add(post(SlackEventsRoute.PATH, events::handle, SLACK)));
        return List.copyOf(routes);
    }
}
