package se.planbot.web;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import se.planbot.followup.FollowUp;
import se.planbot.followup.FollowUpReport;
import se.planbot.followup.FollowUpService;
import se.planbot.followup.ReportFigures;

/**
 * The published yearly follow-ups, for anyone: the list, one year's report as a page, and the same
 * report as PDF and XLSX. A draft is never shown here (404, as for a year with no report).
 *
 * <pre>
 * curl -s localhost:7070/follow-up
 * curl -s localhost:7070/follow-up/2026
 * curl -s -o uppfoljning-2026.pdf localhost:7070/follow-up/2026/uppfoljning.pdf
 * curl -s -o uppfoljning-2026.xlsx localhost:7070/follow-up/2026/uppfoljning.xlsx
 * </pre>
 */
public final class FollowUpPages {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final FollowUp followUp;
    private final Pages pages;
    private final PebbleRenderer renderer;
    private final FollowUpView view;
    private final Map<String, Object> site;
    private ConsoleFollowUpPages console;

    private FollowUpPages(FollowUp followUp, Pages pages, PebbleRenderer renderer, ZoneId zone,
            Map<String, Object> site) {
        this.followUp = followUp;
        this.pages = pages;
        this.renderer = renderer;
        this.view = new FollowUpView(zone);
        this.site = site;
    }

    /** The public pages, and the coordinator's console pages beside them ({@link #console()}). */
    public static FollowUpPages create(PebbleRenderer renderer, WebFaces.Settings settings, FollowUp followUp,
            Clock clock, ZoneId zone) {
        var pages = new Pages(renderer, new Csrf(settings.secureCookies()), settings.locale(), settings.site(),
                settings.trustForwardedFor());
        var publicPages = new FollowUpPages(followUp, pages, renderer, zone, settings.site());
        publicPages.console = new ConsoleFollowUpPages(followUp.reports(), publicPages, pages, clock, zone);
        return publicPages;
    }

    /** The console's follow-up pages (drafts, writing, publishing). */
    public ConsoleFollowUpPages console() {
        return console;
    }

    public void list(Context ctx) {
        var model = pages.model(ctx);
        model.put("reports", followUp.reports().publishedReports().stream()
                .map(report -> Map.of("year", report.year())).toList());
        pages.show(ctx, 200, "follow-ups", model);
    }

    public void show(Context ctx) {
        Optional<FollowUpReport> found = published(ctx);
        if (found.isEmpty()) {
            pages.notFound(ctx);
            return;
        }
        var model = pages.model(ctx);
        model.putAll(reportModel(found.get(), "/follow-up/" + found.get().year()));
        pages.show(ctx, 200, "follow-up", model);
    }

    public void pdf(Context ctx) {
        Optional<FollowUpReport> found = published(ctx);
        if (found.isEmpty()) {
            pages.notFound(ctx);
            return;
        }
        sendPdf(ctx, found.get(), "/follow-up/" + found.get().year());
    }

    public void xlsx(Context ctx) {
        Optional<FollowUpReport> found = published(ctx);
        if (found.isEmpty()) {
            pages.notFound(ctx);
            return;
        }
        sendXlsx(ctx, found.get());
    }

    /** The report's page model: its view plus where its downloads are ({@code base} + file name). */
    Map<String, Object> reportModel(FollowUpReport report, String base) {
        ReportFigures figures = followUp.reports().figures(report);
        var model = view.model(report, figures);
        model.put("pdfUrl", base + "/uppfoljning.pdf");
        model.put("xlsxUrl", base + "/uppfoljning.xlsx");
        return model;
    }

    void sendPdf(Context ctx, FollowUpReport report, String base) {
        var model = reportModel(report, base);
        model.put("site", site);
        model.put("organisation", site.get("organisation"));
        model.put("locale", FollowUpView.SWEDISH);
        String xhtml = renderer.render("web/follow-up-print.peb", model, ctx);
        byte[] pdf = followUp.pdf().render(xhtml);
        ctx.header("Content-Disposition", "inline; filename=\"uppfoljning-" + report.year() + ".pdf\"");
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType("application/pdf").result(pdf);
    }

    void sendXlsx(Context ctx, FollowUpReport report) {
        byte[] xlsx = followUp.xlsx().render(String.valueOf(site.getOrDefault("name", "")),
                followUp.reports().figures(report), report.isPublished());
        ctx.header("Content-Disposition", "attachment; filename=\"uppfoljning-" + report.year() + ".xlsx\"");
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(XLSX).result(xlsx);
    }

    private Optional<FollowUpReport> published(Context ctx) {
        return year(ctx.pathParam("year")).flatMap(year -> followUp.reports().published(year));
    }

    /** A four-digit year in range, else empty (the 404 page). */
    static Optional<Integer> year(String text) {
        if (text == null || !text.matches("\\d{4}")) {
            return Optional.empty();
        }
        int year = Integer.parseInt(text);
        return year < FollowUpService.FIRST_YEAR || year > FollowUpService.LAST_YEAR ? Optional.empty()
                : Optional.of(year);
    }

}
