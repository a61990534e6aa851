package se.planbot.web;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.planbot.dialogs.Dialog;
import se.planbot.dialogs.DialogCalendar;
import se.planbot.dialogs.DialogService;
import se.planbot.dialogs.DialogTexts;
import se.planbot.dialogs.Registration;
import se.planbot.dialogs.RegistrationForm;
import se.planbot.dialogs.RegistrationService;
import se.planbot.dialogs.RegistrationStatus;
import se.planbot.problem.InvalidInput;
import se.planbot.problem.NotFound;
import se.planbot.proposals.ProposalService;

/**
 * The dialog calendar for the public: the list, each dialog with its registration form and its
 * own calendar file ("Lägg till i kalendern"), the calendar feed, and cancelling a registration
 * from the link in its mails (GET shows a button, only the POST cancels: mail scanners follow links).
 *
 * <pre>
 * curl -s localhost:7070/dialogs
 * curl -s localhost:7070/dialogs/3
 * curl -s localhost:7070/dialogs.ics
 * curl -s localhost:7070/dialogs/3/kalender.ics
 * </pre>
 */
public final class DialogPages {

    private static final int PAST_DAYS_SHOWN = 30;

    private final DialogService dialogs;
    private final RegistrationService registrations;
    private final DialogCalendar calendar;
    private final DialogTexts texts;
    private final ProposalService proposals;
    private final Pages pages;
    private final RateLimiter limiter;

    DialogPages(DialogService dialogs, RegistrationService registrations, DialogCalendar calendar, DialogTexts texts,
            ProposalService proposals, Pages pages, RateLimiter limiter) {
        this.proposals = proposals;
        this.dialogs = dialogs;
        this.registrations = registrations;
        this.calendar = calendar;
        this.texts = texts;
        this.pages = pages;
        this.limiter = limiter;
    }

    public void calendarFeed(Context ctx) {
        ctx.contentType("text/calendar; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"dialoger.ics\"")
                .result(calendar.feed(dialogs.publicDialogs(PAST_DAYS_SHOWN)));
    }

    public void list(Context ctx) {
        var model = pages.model(ctx);
        Locale locale = pages.locale(ctx);
        model.put("dialogs", dialogs.publicDialogs(0).stream().map(dialog -> texts.model(dialog, locale)).toList());
        pages.show(ctx, 200, "dialogs", model);
    }

    public void show(Context ctx) {
        Optional<Dialog> dialog = find(ctx);
        if (dialog.isEmpty()) {
            pages.notFound(ctx);
            return;
        }
        showDialog(ctx, 200, dialog.get(), pages.model(ctx));
    }

    /** One dialog as a calendar file to open or import: PUBLISH, like an invitation to a subscriber. */
    public void oneDialogCalendar(Context ctx) {
        Optional<Dialog> dialog = find(ctx);
        if (dialog.isEmpty()) {
            pages.notFound(ctx);
            return;
        }
        ctx.contentType("text/calendar; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"dialog-" + dialog.get().id() + ".ics\"")
                .result(calendar.announcement(dialog.get()));
    }

    private void showDialog(Context ctx, int status, Dialog dialog, Map<String, Object> model) {
        model.put("dialog", texts.model(dialog, pages.locale(ctx)));
        model.put("open", dialogs.registrationOpen(dialog));
        // From the dialog's start until some days after it, its page takes proposals (issue 11).
        boolean proposalsOpen = proposals.formOpen(dialog);
        model.put("proposalsOpen", proposalsOpen);
        if (proposalsOpen) {
            model.put("strategies", proposals.strategies());
            model.put("proposalConsentVersion", proposals.consentVersion());
            model.putIfAbsent("proposalForm", Map.of());
            model.putIfAbsent("proposalErrors", Map.of());
        }
        pages.show(ctx, status, "dialog", model);
    }

    public void register(Context ctx) {
        Optional<Dialog> dialog = find(ctx);
        if (dialog.isEmpty()) {
            pages.notFound(ctx);
            return;
        }
        if (!limiter.allow("register:" + pages.client(ctx))) {
            pages.tooMany(ctx, limiter.retryAfter("register:" + pages.client(ctx)).toSeconds());
            return;
        }
        var model = pages.model(ctx);
        var form = new RegistrationForm(ctx.formParam("name"), ctx.formParam("company"), ctx.formParam("email"),
                pages.locale(ctx));
        try {
            var outcome = registrations.register(dialog.get().id(), form);
            model.put("dialog", texts.model(dialog.get(), pages.locale(ctx)));
            model.put("waiting", outcome == RegistrationService.Outcome.WAITING);
            pages.show(ctx, 200, "registered", model);
        } catch (InvalidInput e) {
            Pages.addErrors(model, e.errors());
            model.put("form", Map.of("name", nonNull(form.name()), "company", nonNull(form.company()),
                    "email", nonNull(form.email())));
            showDialog(ctx, 400, dialog.get(), model);
        } catch (NotFound e) {
            pages.notFound(ctx);
        }
    }

    public void cancelPage(Context ctx) {
        String token = nonNull(ctx.queryParam("token"));
        Optional<Registration> registration = registrations.forLink(token);
        if (registration.isEmpty()) {
            pages.badLink(ctx);
            return;
        }
        var model = pages.model(ctx);
        model.put("token", token);
        model.put("cancelled", registration.get().status() == RegistrationStatus.CANCELLED);
        model.put("waiting", registration.get().status() == RegistrationStatus.WAITING);
        model.put("dialog", texts.model(dialogs.require(registration.get().dialogId()), pages.locale(ctx)));
        pages.show(ctx, 200, "registration-cancel", model);
    }

    public void cancel(Context ctx) {
        String token = nonNull(ctx.formParam("token"));
        boolean waiting = registrations.forLink(token).filter(found -> found.status() == RegistrationStatus.WAITING)
                .isPresent();
        Optional<Registration> cancelled = registrations.cancel(token);
        if (cancelled.isEmpty()) {
            pages.badLink(ctx);
            return;
        }
        var model = pages.model(ctx);
        model.put("waiting", waiting);
        model.put("cancelled", true);
        model.put("done", true);
        model.put("dialog", texts.model(dialogs.require(cancelled.get().dialogId()), pages.locale(ctx)));
        pages.show(ctx, 200, "registration-cancel", model);
    }

    private Optional<Dialog> find(Context ctx) {
        String id = ctx.pathParam("id");
        return id.matches("\\d{1,12}") ? dialogs.publicDialog(Long.parseLong(id)) : Optional.empty();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
