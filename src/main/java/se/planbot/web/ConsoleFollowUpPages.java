package se.planbot.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import se.planbot.followup.FollowUpReport;
import se.planbot.followup.FollowUpService;
import se.planbot.followup.Section;
import se.planbot.problem.FieldError;
import se.planbot.problem.InvalidInput;

/**
 * The coordinator's yearly follow-up: the list of reports, starting a year's draft (its texts
 * from the latest earlier report), writing each section and marking it ready, the coming year's
 * meeting dates, PDF and XLSX previews of the draft, and publishing after a confirmation page.
 *
 * <pre>
 * curl -s -b planbot_session=SECRET localhost:7070/admin/follow-up/2026
 * curl -s -b 'planbot_session=SECRET; planbot_csrf=C' -d csrf=C -d 'body=Året i korthet' -d ready=on \
 *      localhost:7070/admin/follow-up/2026/sections/introduction
 * </pre>
 */
public final class ConsoleFollowUpPages {

    private final FollowUpService reports;
    private final FollowUpPages downloads;
    private final Pages pages;
    private final Clock clock;
    private final ZoneId zone;

    ConsoleFollowUpPages(FollowUpService reports, FollowUpPages downloads, Pages pages, Clock clock, ZoneId zone) {
        this.reports = reports;
        this.downloads = downloads;
        this.pages = pages;
        this.clock = clock;
        this.zone = zone;
    }

    /** GET /admin/follow-up: every report, and the form that starts a year's draft. */
    public void list(Context ctx) {
        listPage(ctx, 200, model(ctx), "");
    }

    /** POST /admin/follow-up: starts the draft for the year given. */
    public void start(Context ctx) {
        String year = text(ctx.formParam("year"));
        var model = model(ctx);
        try {
            Optional<Integer> wanted = FollowUpPages.year(year);
            if (wanted.isEmpty()) {
                throw new InvalidInput("year", "ange året som fyra siffror, t.ex. " + suggestedYear());
            }
            reports.startDraft(wanted.get(), actor(ctx));
            seeOther(ctx, "/admin/follow-up/" + wanted.get() + "?started");
        } catch (InvalidInput invalid) {
            Pages.addErrors(model, invalid.errors());
            listPage(ctx, 400, model, year);
        }
    }

    /** GET /admin/follow-up/{year}: the draft to write (or the published report, read only). */
    public void show(Context ctx) {
        withReport(ctx, report -> {
            var model = model(ctx);
            model.put("saved", ctx.queryParam("saved") == null ? "" : ctx.queryParam("saved"));
            model.put("started", ctx.queryParam("started") != null);
            model.put("justPublished", ctx.queryParam("published") != null);
            reportPage(ctx, 200, model, report);
        });
    }

    /** POST /admin/follow-up/{year}/sections/{section}: one section's text and whether it is ready. */
    public void saveSection(Context ctx) {
        withReport(ctx, report -> {
            Optional<Section> section = Section.fromCode(ctx.pathParam("section"));
            if (section.isEmpty()) {
                pages.notFound(ctx);
                return;
            }
            try {
                reports.saveSection(report.year(), section.get(), ctx.formParam("body"),
                        ctx.formParam("ready") != null, actor(ctx));
                seeOther(ctx, "/admin/follow-up/" + report.year() + "?saved=" + section.get().code() + "#utkast-"
                        + section.get().code());
            } catch (InvalidInput invalid) {
                var model = model(ctx);
                Pages.addErrors(model, invalid.errors());
                model.put("typed", Map.of(section.get().code(), text(ctx.formParam("body"))));
                reportPage(ctx, 400, model, report);
            }
        });
    }

    /** POST /admin/follow-up/{year}/meetings: the coming year's dates, one a line. */
    public void saveMeetings(Context ctx) {
        withReport(ctx, report -> {
            try {
                reports.saveMeetings(report.year(), ctx.formParam("meetings"));
                seeOther(ctx, "/admin/follow-up/" + report.year() + "?saved=meetings#moten");
            } catch (InvalidInput invalid) {
                var model = model(ctx);
                Pages.addErrors(model, invalid.errors());
                model.put("typedMeetings", text(ctx.formParam("meetings")));
                reportPage(ctx, 400, model, report);
            }
        });
    }

    /** GET /admin/follow-up/{year}/publish: what publishing means, and the button that does it. */
    public void confirmPublish(Context ctx) {
        withReport(ctx, report -> publishPage(ctx, report.isPublished() || !report.notReady().isEmpty() ? 409 : 200,
                model(ctx), report));
    }

    /** POST /admin/follow-up/{year}/publish: publishes, when confirmed, a draft whose sections are all ready. */
    public void publish(Context ctx) {
        withReport(ctx, report -> {
            var model = model(ctx);
            if (!"ja".equals(ctx.formParam("confirm"))) {
                Pages.addErrors(model, List.of(new FieldError("confirm", "kryssa i att du vill publicera uppföljningen")));
                publishPage(ctx, 400, model, report);
                return;
            }
            try {
                reports.publish(report.year(), actor(ctx));
                seeOther(ctx, "/admin/follow-up/" + report.year() + "?published");
            } catch (InvalidInput invalid) {
                Pages.addErrors(model, invalid.errors());
                publishPage(ctx, 400, model, report);
            }
        });
    }

    /** GET /admin/follow-up/{year}/uppfoljning.pdf: the draft as it would be published now. */
    public void pdf(Context ctx) {
        withReport(ctx, report -> downloads.sendPdf(ctx, report, "/admin/follow-up/" + report.year()));
    }

    /** GET /admin/follow-up/{year}/uppfoljning.xlsx */
    public void xlsx(Context ctx) {
        withReport(ctx, report -> downloads.sendXlsx(ctx, report));
    }

    private void listPage(Context ctx, int status, Map<String, Object> model, String typedYear) {
        model.put("reports", reports.reports().stream().map(report -> Map.of("year", report.year(),
                "published", report.isPublished(),
                "ready", Section.values().length - report.notReady().size(),
                "sections", Section.values().length)).toList());
        model.put("year", typedYear.isEmpty() ? String.valueOf(suggestedYear()) : typedYear);
        pages.show(ctx, status, "console/follow-ups", model);
    }

    private void reportPage(Context ctx, int status, Map<String, Object> model, FollowUpReport report) {
        model.putAll(downloads.reportModel(report, "/admin/follow-up/" + report.year()));
        model.put("publicUrl", "/follow-up/" + report.year());
        model.putIfAbsent("typed", Map.of());
        model.putIfAbsent("typedMeetings", report.meetings());
        model.put("readyCount", Section.values().length - report.notReady().size());
        model.put("sectionCount", Section.values().length);
        model.put("nextDraftYear", report.year() + 1);
        model.put("nextDraftExists", reports.report(report.year() + 1).isPresent());
        pages.show(ctx, status, "console/follow-up", model);
    }

    private void publishPage(Context ctx, int status, Map<String, Object> model, FollowUpReport report) {
        model.put("year", report.year());
        model.put("published", report.isPublished());
        model.put("notReady", report.notReady().stream().map(Section::title).toList());
        pages.show(ctx, status, "console/follow-up-publish", model);
    }

    private void withReport(Context ctx, Consumer<FollowUpReport> then) {
        Optional<FollowUpReport> found = FollowUpPages.year(ctx.pathParam("year")).flatMap(reports::report);
        if (found.isEmpty()) {
            pages.show(ctx, 404, "console/not-found", model(ctx));
            return;
        }
        then.accept(found.get());
    }

    /** The year to start next: the one after the newest report, else last year. */
    private int suggestedYear() {
        return reports.reports().stream().mapToInt(FollowUpReport::year).max().stream().map(year -> year + 1)
                .findFirst().orElse(LocalDate.now(clock.withZone(zone)).getYear() - 1);
    }

    private Map<String, Object> model(Context ctx) {
        var model = pages.model(ctx);
        model.put("me", AccessGuard.person(ctx));
        return model;
    }

    private static void seeOther(Context ctx, String path) {
        ctx.redirect(path, HttpStatus.SEE_OTHER);
    }

    private static String actor(Context ctx) {
        return AccessGuard.person(ctx).name() + " (konsol)";
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
