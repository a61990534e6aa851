package se.planbot.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.planbot.dialogs.Dialog;
import se.planbot.dialogs.DialogDraft;
import se.planbot.dialogs.DialogService;
import se.planbot.dialogs.DialogState;
import se.planbot.dialogs.Registration;
import se.planbot.dialogs.RegistrationService;
import se.planbot.dialogs.RegistrationStatus;
import se.planbot.plan.PlanService;
import se.planbot.problem.Errors;
import se.planbot.problem.InvalidInput;

/**
 * Dialoger in the console: list, create, edit, publish (a confirmation page first says how many
 * subscribers will be invited), cancel (everyone invited or registered is told), the registrations
 * and the waiting list, and their CSV. Every change through {@link DialogService}, as the API's.
 *
 * <pre>
 * curl -s -b planbot_session=SECRET localhost:7070/admin/dialogs
 * curl -s -b planbot_session=SECRET localhost:7070/admin/dialogs/1/publish        # how many will be invited
 * curl -s -b planbot_session=SECRET -o anmalningar.csv localhost:7070/admin/dialogs/1/registrations.csv
 * </pre>
 */
public final class ConsoleDialogPages {

    private static final List<String> FIELDS = List.of("title", "theme", "description", "start", "end", "place",
            "onlineUrl", "capacity");
    private static final DateTimeFormatter FORM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final DialogService dialogs;
    private final RegistrationService registrations;
    private final PlanService plan;
    private final Pages pages;
    private final ZoneId zone;

    ConsoleDialogPages(DialogService dialogs, RegistrationService registrations, PlanService plan, Pages pages, ZoneId zone) {
        this.dialogs = dialogs;
        this.registrations = registrations;
        this.plan = plan;
        this.pages = pages;
        this.zone = zone;
    }

    /** GET /admin/dialogs: every dialog, soonest first, drafts too. */
    public void list(Context ctx) {
        var model = model(ctx);
        Locale locale = pages.locale(ctx);
        model.put("dialogs", dialogs.allDialogs(Instant.EPOCH).stream()
                .sorted((a, b) -> b.startsAt().compareTo(a.startsAt())).map(dialog -> view(dialog, locale)).toList());
        model.put("cancelled", ctx.queryParam("cancelled") != null);
        pages.show(ctx, 200, "console/dialogs", model);
    }

    /** GET /admin/dialogs/new */
    public void newForm(Context ctx) {
        var model = model(ctx);
        model.put("form", Map.of("strategies", List.of()));
        formPage(ctx, 200, model, "console/dialog-new");
    }

    /** POST /admin/dialogs: a new draft (nobody is invited until it is published). */
    public void create(Context ctx) {
        var model = model(ctx);
        try {
            Dialog created = dialogs.create(draft(ctx));
            seeOther(ctx, "/admin/dialogs/" + created.id() + "?saved" + amp(ctx));
        } catch (InvalidInput invalid) {
            Pages.addErrors(model, invalid.errors());
            model.put("form", typed(ctx));
            formPage(ctx, 400, model, "console/dialog-new");
        }
    }

    /** GET /admin/dialogs/{id}: the edit form, publish and cancel, the registrations. */
    public void show(Context ctx) {
        withDialog(ctx, dialog -> {
            var model = model(ctx);
            model.put("form", values(dialog));
            model.put("saved", ctx.queryParam("saved") != null);
            String published = ctx.queryParam("published");
            model.put("published", published != null && published.matches("\\d{1,7}") ? published : null);
            dialogPage(ctx, 200, model, dialog);
        });
    }

    /** POST /admin/dialogs/{id}: a published dialog's invitees hear of a new time or place. */
    public void save(Context ctx) {
        withDialog(ctx, dialog -> {
            var model = model(ctx);
            try {
                dialogs.update(dialog.id(), draft(ctx));
                seeOther(ctx, "/admin/dialogs/" + dialog.id() + "?saved" + amp(ctx));
            } catch (InvalidInput invalid) {
                Pages.addErrors(model, invalid.errors());
                model.put("form", typed(ctx));
                dialogPage(ctx, 400, model, dialog);
            }
        });
    }

    /** GET /admin/dialogs/{id}/publish: how many subscribers will be invited, and the button. */
    public void publishPage(Context ctx) {
        withDialog(ctx, dialog -> {
            var model = model(ctx);
            model.put("dialog", view(dialog, pages.locale(ctx)));
            model.put("invitations", dialogs.invitationsOnPublish(dialog.id()));
            pages.show(ctx, 200, "console/dialog-publish", model);
        });
    }

    /** POST /admin/dialogs/{id}/publish: publishes the draft and queues the invitations. */
    public void publish(Context ctx) {
        withDialog(ctx, dialog -> {
            try {
                int invitations = dialogs.invitationsOnPublish(dialog.id());
                dialogs.publish(dialog.id());
                seeOther(ctx, "/admin/dialogs/" + dialog.id() + "?published=" + invitations + amp(ctx));
            } catch (InvalidInput invalid) {
                refused(ctx, dialog, invalid);
            }
        });
    }

    /** POST /admin/dialogs/{id}/cancel: only with the confirmation box ticked. */
    public void cancel(Context ctx) {
        withDialog(ctx, dialog -> {
            try {
                if (!"yes".equals(ctx.formParam("confirm"))) {
                    throw new InvalidInput("confirm", "kryssa i rutan om du vill ställa in dialogen");
                }
                dialogs.cancel(dialog.id());
                seeOther(ctx, "/admin/dialogs/" + dialog.id() + "?saved" + amp(ctx));
            } catch (InvalidInput invalid) {
                refused(ctx, dialog, invalid);
            }
        });
    }

    /** GET /admin/dialogs/{id}/registrations.csv: for Excel (semicolons, local times). */
    public void registrationsCsv(Context ctx) {
        withDialog(ctx, dialog -> ConsoleImportPages.download(ctx, "text/csv; charset=utf-8",
                "anmalningar-dialog-" + dialog.id() + ".csv", registrations.csv(dialog.id()).getBytes(StandardCharsets.UTF_8)));
    }

    private void refused(Context ctx, Dialog dialog, InvalidInput invalid) {
        var model = model(ctx);
        Pages.addErrors(model, invalid.errors());
        model.put("form", values(dialog));
        dialogPage(ctx, 400, model, dialog);
    }

    private void dialogPage(Context ctx, int status, Map<String, Object> model, Dialog dialog) {
        Locale locale = pages.locale(ctx);
        model.put("dialog", view(dialog, locale));
        var format = DateTimeFormatter.ofPattern("d MMM yyyy HH.mm", locale);
        var byStatus = new LinkedHashMap<String, List<Map<String, Object>>>();
        for (RegistrationStatus each : RegistrationStatus.values()) {
            byStatus.put(each.code(), new ArrayList<>());
        }
        for (Registration registration : registrations.list(dialog.id())) {
            byStatus.get(registration.status().code()).add(Map.of("name", registration.name(),
                    "company", registration.company(), "email", registration.email(),
                    "at", format.format(registration.createdAt().atZone(zone))));
        }
        model.put("registrations", byStatus);
        formPage(ctx, status, model, "console/dialog");
    }

    private void formPage(Context ctx, int status, Map<String, Object> model, String page) {
        model.put("strategies", plan.strategies());
        pages.show(ctx, status, page, model);
    }

    private Map<String, Object> view(Dialog dialog, Locale locale) {
        var format = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'kl.' HH.mm", locale);
        var view = new LinkedHashMap<String, Object>();
        view.put("id", dialog.id());
        view.put("title", dialog.title());
        view.put("theme", dialog.theme());
        view.put("start", format.format(dialog.startsAt().atZone(zone)));
        view.put("end", DateTimeFormatter.ofPattern("HH.mm", locale).format(dialog.endsAt().atZone(zone)));
        view.put("place", dialog.place());
        view.put("onlineUrl", dialog.onlineUrl());
        view.put("capacity", dialog.capacity() == null ? "" : String.valueOf(dialog.capacity()));
        view.put("registered", dialog.registered());
        view.put("state", dialog.state().code());
        view.put("draft", dialog.state() == DialogState.DRAFT);
        view.put("cancelled", dialog.state() == DialogState.CANCELLED);
        return view;
    }

    private Map<String, Object> values(Dialog dialog) {
        var form = new LinkedHashMap<String, Object>();
        form.put("title", dialog.title());
        form.put("theme", dialog.theme());
        form.put("description", dialog.description());
        form.put("start", FORM_TIME.format(dialog.startsAt().atZone(zone)));
        form.put("end", FORM_TIME.format(dialog.endsAt().atZone(zone)));
        form.put("place", dialog.place());
        form.put("onlineUrl", dialog.onlineUrl());
        form.put("capacity", dialog.capacity() == null ? "" : String.valueOf(dialog.capacity()));
        form.put("strategies", dialog.strategies().stream().map(String::valueOf).toList());
        return form;
    }

    private static Map<String, Object> typed(Context ctx) {
        var form = new LinkedHashMap<String, Object>();
        FIELDS.forEach(field -> form.put(field, text(ctx.formParam(field))));
        form.put("strategies", ctx.formParams("strategies"));
        return form;
    }

    /** The form as a draft; what cannot be read as a time or a number is said per field, before the dialog's rules. */
    private static DialogDraft draft(Context ctx) {
        var errors = new Errors();
        LocalDateTime start = time(ctx, "start", errors);
        LocalDateTime end = time(ctx, "end", errors);
        Integer capacity = null;
        String seats = text(ctx.formParam("capacity"));
        if (!seats.isEmpty()) {
            if (seats.matches("\\d{1,6}")) {
                capacity = Integer.parseInt(seats);
            } else {
                errors.add("capacity", "skriv antalet platser som ett heltal, t.ex. 40 (tomt för obegränsat)");
            }
        }
        var strategies = new ArrayList<Integer>();
        for (String strategy : ctx.formParams("strategies")) {
            if (strategy.matches("\\d{1,4}")) {
                strategies.add(Integer.parseInt(strategy));
            } else {
                errors.add("strategies", "välj strategier i listan");
            }
        }
        errors.throwIfAny();
        return new DialogDraft(text(ctx.formParam("title")), text(ctx.formParam("theme")), text(ctx.formParam("description")),
                start, end, text(ctx.formParam("place")), text(ctx.formParam("onlineUrl")), capacity, strategies);
    }

    private static LocalDateTime time(Context ctx, String field, Errors errors) {
        String typed = text(ctx.formParam(field));
        if (typed.isEmpty()) {
            return null;
        }
        // datetime-local sends 2026-12-10T09:00; a person typing into a text box writes 2026-12-10 09:00.
        String text = typed.matches("\\d{4}-\\d{2}-\\d{2}[ T]\\d{1,2}[:.]\\d{2}")
                ? typed.substring(0, 10) + "T" + String.format("%5s", typed.substring(11).replace('.', ':')).replace(' ', '0')
                : typed;
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(field, "'" + typed + "' är ingen tid; skriv år-månad-dag och klockslag, t.ex. 2026-12-10 09:00");
            return null;
        }
    }

    private void withDialog(Context ctx, java.util.function.Consumer<Dialog> then) {
        String id = ctx.pathParam("id");
        Optional<Dialog> dialog = id.matches("\\d{1,12}") ? dialogs.dialog(Long.parseLong(id)) : Optional.empty();
        if (dialog.isEmpty()) {
            pages.show(ctx, 404, "console/not-found", model(ctx));
            return;
        }
        then.accept(dialog.get());
    }

    private Map<String, Object> model(Context ctx) {
        var model = pages.model(ctx);
        model.put("me", AccessGuard.person(ctx));
        model.put("section", "dialogs");
        return model;
    }

    private String amp(Context ctx) {
        return "en".equals(pages.locale(ctx).getLanguage()) ? "&locale=en" : "";
    }

    private static void seeOther(Context ctx, String location) {
        ctx.redirect(location, HttpStatus.SEE_OTHER);
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
