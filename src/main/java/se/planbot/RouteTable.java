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
import static se.planbot.web.Route.put;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.planbot.plan.PersonRole;
import se.planbot.slack.SlackEventsRoute;
import se.planbot.web.ConsoleTools;
import se.planbot.web.ConsoleWeb;
import se.planbot.web.FollowUpPages;
import se.planbot.web.OidcPages;
import se.planbot.web.Health;
import se.planbot.web.IndicatorApi;
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
record RouteTable(WebFaces web, ConsoleWeb consoleWeb, ConsoleTools tools, FollowUpPages followUp, PlanApi plan,
        TransferApi transfer, OutboxApi outbox, IndicatorApi indicatorApi, OpenApiDocument openApi, Health health,
        Metrics metrics, Optional<SlackEventsRoute> slack) {

    /** Every route, in the order README lists them. Each feature's routes are one method below. */
    List<Route> routes() {
        var routes = new ArrayList<Route>();
        routes.addAll(publicSite());
        routes.addAll(followUps());
        routes.addAll(subscriptions());
        routes.addAll(proposals());
        routes.addAll(consolePages());
        routes.addAll(consoleImport());
        routes.addAll(consoleDialogs());
        routes.addAll(consoleSubscribers());
        routes.addAll(consoleTokens());
        routes.addAll(followUpConsole());
        routes.addAll(planApi());
        routes.addAll(indicators());
        routes.addAll(operating());
        // Slack over HTTP, when Slack is on and not in Socket Mode (slack/SlackEventsRoute)
        slack.ifPresent(events -> routes.add(post(SlackEventsRoute.PATH, events::handle, SLACK)));
        // Single sign-on through the municipality's identity provider, when auth.oidc.issuer is set (web/OidcPages):
        // public, because the one-time state bound to the browser's cookie is what the callback checks
        consoleWeb.oidc().ifPresent(sso -> {
            routes.add(get(OidcPages.START_PATH, sso::begin, PUBLIC));
            routes.add(get(OidcPages.CALLBACK_PATH, sso::callback, PUBLIC));
        });
        return List.copyOf(routes);
    }

    /** The public site: programme, plan, dialogs (web/PlanPages, web/DialogPages). */
    private List<Route> publicSite() {
        var pages = web.planPages();
        var dialogs = web.dialogPages();
        return List.of(
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
                get("/registrations/cancel", dialogs::cancelPage, LINK),
                post("/registrations/cancel", dialogs::cancel, FORM));
    }

    /** The published yearly follow-ups, as pages, PDF and XLSX (web/FollowUpPages); drafts are console-only. */
    private List<Route> followUps() {
        return List.of(
                get("/follow-up", followUp::list, PUBLIC),
                get("/follow-up/{year}", followUp::show, PUBLIC),
                get("/follow-up/{year}/uppfoljning.pdf", followUp::pdf, PUBLIC),
                get("/follow-up/{year}/uppfoljning.xlsx", followUp::xlsx, PUBLIC));
    }

    /** The coordinator writes and publishes the yearly follow-up in the console (web/ConsoleFollowUpPages). */
    private List<Route> followUpConsole() {
        var pages = followUp.console();
        var coordinator = console(PersonRole.COORDINATOR);
        return List.of(
                get("/admin/follow-up", pages::list, coordinator),
                post("/admin/follow-up", pages::start, coordinator),
                get("/admin/follow-up/{year}", pages::show, coordinator),
                post("/admin/follow-up/{year}/sections/{section}", pages::saveSection, coordinator),
                post("/admin/follow-up/{year}/meetings", pages::saveMeetings, coordinator),
                get("/admin/follow-up/{year}/publish", pages::confirmPublish, coordinator),
                post("/admin/follow-up/{year}/publish", pages::publish, coordinator),
                get("/admin/follow-up/{year}/uppfoljning.pdf", pages::pdf, coordinator),
                get("/admin/follow-up/{year}/uppfoljning.xlsx", pages::xlsx, coordinator),
                post("/admin/follow-up/{year}/ask-owners", pages::askOwners, coordinator),
                // Owners answer from the mailed link; its token stands for them (web/OwnerCommentPages)
                get("/admin/follow-up/{year}/comment", followUp.comments()::form, LINK),
                post("/admin/follow-up/{year}/comment", followUp.comments()::save, FORM));
    }

    /** Businesses' subscriptions (web/SubscriptionPages): pages from mail links show a button, its POST acts. */
    private List<Route> subscriptions() {
        var subscription = web.subscriptionPages();
        return List.of(
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
                post("/my-data/erase", subscription::erase, FORM));
    }

    /**
     * Proposals (issue 11): in public the form (also on a dialog's page), the list, each timeline and
     * the links in the proposer's mails (web/ProposalPages); for the coordinator the JSON API (web/ProposalApi).
     */
    private List<Route> proposals() {
        var pages = web.proposalPages();
        var api = web.proposalApi();
        var review = web.consoleProposals();
        return List.of(
                post("/dialogs/{id}/proposals", pages::submitForDialog, FORM),
                get("/proposals", pages::list, PUBLIC),
                get("/proposals/new", pages::newPage, PUBLIC),
                post("/proposals", pages::submit, FORM),
                get("/proposals/stop", pages::stopPage, LINK),
                post("/proposals/stop", pages::stop, LINK),
                get("/proposals/my-data", pages::myData, LINK),
                post("/proposals/my-data/erase", pages::erase, FORM),
                get("/proposals/{id}", pages::show, PUBLIC),
                get("/api/v1/proposals", api::list, token(COORDINATOR)),
                post("/api/v1/proposals", api::create, token(COORDINATOR)),
                get("/api/v1/proposals/{id}", api::show, token(COORDINATOR)),
                patch("/api/v1/proposals/{id}", api::patch, token(COORDINATOR)),
                post("/api/v1/proposals/{id}/decision", api::decide, token(COORDINATOR)),

                // Review in the console (web/ConsoleProposalPages): the working group comments, the coordinator decides
                get("/admin/proposals", review::list, console(PersonRole.COORDINATOR, PersonRole.WORKING_GROUP)),
                get("/admin/proposals/new", review::newForm, console(PersonRole.COORDINATOR)),
                post("/admin/proposals", review::register, console(PersonRole.COORDINATOR)),
                get("/admin/proposals/{id}", review::show, console(PersonRole.COORDINATOR, PersonRole.WORKING_GROUP)),
                post("/admin/proposals/{id}/comment", review::comment,
                        console(PersonRole.COORDINATOR, PersonRole.WORKING_GROUP)),
                post("/admin/proposals/{id}/review", review::review, console(PersonRole.COORDINATOR)),
                post("/admin/proposals/{id}/decision", review::decide, console(PersonRole.COORDINATOR)));
    }

    /** The coordinator's console (/admin) and the owners' pages reached from the reminder mail. */
    private List<Route> consolePages() {
        var signIn = consoleWeb.signIn();
        var actions = consoleWeb.actions();
        var owners = consoleWeb.owners();
        var people = consoleWeb.people();
        var messages = consoleWeb.outbox();
        return List.of(
                // The console: sign-in without passwords (web/SignInPages); a link's GET shows a button, its POST acts
                get("/admin/login", signIn::loginPage, PUBLIC),
                post("/admin/login", signIn::mailLink, FORM),
                get("/admin/login/link", signIn::linkPage, LINK),
                post("/admin/login/link", signIn::useLink, FORM),
                post("/admin/logout", signIn::signOut, FORM),
                get("/admin", consoleWeb.overview()::show, console(PersonRole.COORDINATOR, PersonRole.WORKING_GROUP, PersonRole.OWNER)),

                // The console's action plan (web/ConsoleActionPages): owners reach their own actions only
                get("/admin/actions", actions::list, console(PersonRole.COORDINATOR, PersonRole.WORKING_GROUP)),
                get("/admin/actions/new", actions::newForm, console(PersonRole.COORDINATOR)),
                post("/admin/actions", actions::create, console(PersonRole.COORDINATOR)),
                get("/admin/actions/{id}", actions::show,
                        console(PersonRole.COORDINATOR, PersonRole.WORKING_GROUP, PersonRole.OWNER)),
                post("/admin/actions/{id}", actions::save, console(PersonRole.COORDINATOR)),
                post("/admin/actions/{id}/update", actions::quickUpdate, console(PersonRole.COORDINATOR, PersonRole.OWNER)),

                // The console's people (web/ConsolePeoplePages): a new role or a removal ends their sessions
                get("/admin/people", people::list, console(PersonRole.COORDINATOR)),
                post("/admin/people", people::add, console(PersonRole.COORDINATOR)),
                get("/admin/people/{id}", people::show, console(PersonRole.COORDINATOR)),
                post("/admin/people/{id}", people::save, console(PersonRole.COORDINATOR)),
                post("/admin/people/{id}/remove", people::remove, console(PersonRole.COORDINATOR)),

                // The console's outbox (web/ConsoleOutboxPages): what was sent, what failed, send a dead one again
                get("/admin/outbox", messages::list, console(PersonRole.COORDINATOR)),
                post("/admin/outbox/{id}/retry", messages::retry, console(PersonRole.COORDINATOR)),

                // Owners from the reminder mail (web/OwnerUpdatePages): the link's token stands for its person
                get("/admin/mine", owners::myActions, LINK),
                get("/admin/update/{id}", owners::updateForm, LINK),
                post("/admin/update/{id}", owners::update, FORM));
    }

    /** The console's import and export (web/ConsoleImportPages): preview first, then apply exactly what was previewed. */
    private List<Route> consoleImport() {
        var imports = tools.imports();
        return List.of(
                get("/admin/import", imports::form, console(PersonRole.COORDINATOR)),
                post("/admin/import/preview", imports::preview, console(PersonRole.COORDINATOR)),
                post("/admin/import/apply", imports::apply, console(PersonRole.COORDINATOR)),
                get("/admin/export.csv", imports::exportCsv, console(PersonRole.COORDINATOR)),
                get("/admin/export.xlsx", imports::exportXlsx, console(PersonRole.COORDINATOR)));
    }

    /** The console's dialogs (web/ConsoleDialogPages): publishing shows first how many will be invited. */
    private List<Route> consoleDialogs() {
        var dialogs = tools.dialogs();
        return List.of(
                get("/admin/dialogs", dialogs::list, console(PersonRole.COORDINATOR)),
                get("/admin/dialogs/new", dialogs::newForm, console(PersonRole.COORDINATOR)),
                post("/admin/dialogs", dialogs::create, console(PersonRole.COORDINATOR)),
                get("/admin/dialogs/{id}", dialogs::show, console(PersonRole.COORDINATOR)),
                post("/admin/dialogs/{id}", dialogs::save, console(PersonRole.COORDINATOR)),
                get("/admin/dialogs/{id}/publish", dialogs::publishPage, console(PersonRole.COORDINATOR)),
                post("/admin/dialogs/{id}/publish", dialogs::publish, console(PersonRole.COORDINATOR)),
                post("/admin/dialogs/{id}/cancel", dialogs::cancel, console(PersonRole.COORDINATOR)),
                get("/admin/dialogs/{id}/registrations.csv", dialogs::registrationsCsv, console(PersonRole.COORDINATOR)));
    }

    /** The console's subscribers and GDPR requests (web/ConsoleSubscriberPages): the address is posted, never in a URL. */
    private List<Route> consoleSubscribers() {
        var subscribers = tools.subscribers();
        return List.of(
                get("/admin/subscribers", subscribers::overview, console(PersonRole.COORDINATOR)),
                post("/admin/subscribers/find", subscribers::find, console(PersonRole.COORDINATOR)),
                post("/admin/subscribers/export", subscribers::export, console(PersonRole.COORDINATOR)),
                post("/admin/subscribers/erase", subscribers::erase, console(PersonRole.COORDINATOR)));
    }

    /** The console's API keys (web/ConsoleTokenPages): a new key is shown once. */
    private List<Route> consoleTokens() {
        var tokens = tools.tokens();
        return List.of(
                get("/admin/tokens", tokens::list, console(PersonRole.COORDINATOR)),
                post("/admin/tokens", tokens::create, console(PersonRole.COORDINATOR)),
                post("/admin/tokens/{id}/revoke", tokens::revoke, console(PersonRole.COORDINATOR)));
    }

    /** The JSON API (web/PlanApi, web/TransferApi, web/DialogApi, web/SubscriberApi), described in OpenAPI. */
    private List<Route> planApi() {
        var dialogApi = web.dialogApi();
        return List.of(
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

                // Dialogs and GDPR for the coordinator (web/DialogApi, web/SubscriberApi)
                get("/api/v1/dialogs", dialogApi::list, token(COORDINATOR)),
                post("/api/v1/dialogs", dialogApi::create, token(COORDINATOR)),
                get("/api/v1/dialogs/{id}", dialogApi::show, token(COORDINATOR)),
                patch("/api/v1/dialogs/{id}", dialogApi::update, token(COORDINATOR)),
                post("/api/v1/dialogs/{id}/publish", dialogApi::publish, token(COORDINATOR)),
                post("/api/v1/dialogs/{id}/cancel", dialogApi::cancel, token(COORDINATOR)),
                get("/api/v1/dialogs/{id}/registrations", dialogApi::registrations, token(COORDINATOR)),
                get("/api/v1/dialogs/{id}/registrations.csv", dialogApi::registrationsCsv, token(COORDINATOR)),
                post("/api/v1/subscribers/export", web.subscriberApi()::export, token(COORDINATOR)),
                post("/api/v1/subscribers/erase", web.subscriberApi()::erase, token(ADMIN)));
    }

    /** Indicators against the programme's goals: public pages (web/IndicatorPages), the API (web/IndicatorApi, in OpenAPI). */
    private List<Route> indicators() {
        var pages = web.indicatorPages();
        var console = consoleWeb.indicators();
        return List.of(
                get("/indicators", pages::list, PUBLIC),
                get("/indicators/{id}", pages::show, PUBLIC),
                get("/indicators/{id}/varden.csv", pages::csv, PUBLIC),
                // The coordinator enters and corrects values in the console (web/ConsoleIndicatorPages)
                get("/admin/indicators", console::list, console(PersonRole.COORDINATOR)),
                get("/admin/indicators/{id}", console::show, console(PersonRole.COORDINATOR)),
                post("/admin/indicators/{id}/values", console::saveValue, console(PersonRole.COORDINATOR)),

                get("/api/v1/indicators", indicatorApi::list, PUBLIC),
                post("/api/v1/indicators", indicatorApi::create, token(COORDINATOR)),
                get("/api/v1/indicators/{id}", indicatorApi::show, PUBLIC),
                patch("/api/v1/indicators/{id}", indicatorApi::patch, token(COORDINATOR)),
                put("/api/v1/indicators/{id}/values/{year}", indicatorApi::putValue, token(COORDINATOR)));
    }

    /** Operating (web/OutboxApi, web/Health, web/Metrics). */
    private List<Route> operating() {
        return List.of(
                get("/api/v1/outbox", outbox::list, token(COORDINATOR)),
                post("/api/v1/outbox/{id}/retry", outbox::retry, token(ADMIN)),
                get("/health", health::report, OPERATOR),
                get("/metrics", metrics::scrape, OPERATOR));
    }
}
