package se.planbot.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import se.planbot.outbox.OutboxAdmin;
import se.planbot.outbox.OutboxEntry;
import se.planbot.outbox.OutboxStatus;
import se.planbot.problem.InvalidInput;
import se.planbot.problem.NotFound;

/**
 * Utskick: the outbox as the coordinator sees it — messages by state (dead first), searched by
 * recipient, and a dead message sent again through {@link OutboxAdmin#retry}, as the API does.
 *
 * <pre>
 * curl -s -b planbot_session=SECRET 'localhost:7070/admin/outbox?status=dead&amp;recipient=anna'
 * </pre>
 */
public final class ConsoleOutboxPages {

    private final OutboxAdmin outbox;
    private final Pages pages;
    private final ZoneId zone;

    ConsoleOutboxPages(OutboxAdmin outbox, Pages pages, ZoneId zone) {
        this.outbox = outbox;
        this.pages = pages;
        this.zone = zone;
    }

    /** GET /admin/outbox?status=dead&amp;recipient=… */
    public void list(Context ctx) {
        OutboxStatus status = OutboxStatus.fromCode(text(ctx.queryParam("status"))).orElse(OutboxStatus.DEAD);
        String recipient = text(ctx.queryParam("recipient"));
        var model = model(ctx);
        Locale locale = pages.locale(ctx);
        String wanted = recipient.toLowerCase(Locale.ROOT);
        model.put("messages", outbox.list(status).stream()
                .filter(entry -> wanted.isEmpty() || entry.recipient().toLowerCase(Locale.ROOT).contains(wanted))
                .map(entry -> view(entry, locale)).toList());
        model.put("status", status.code());
        model.put("statuses", java.util.Arrays.stream(OutboxStatus.values()).map(OutboxStatus::code).toList());
        model.put("recipient", recipient);
        model.put("retried", ctx.queryParam("retried"));
        model.put("limit", OutboxAdmin.LIST_LIMIT);
        pages.show(ctx, 200, "console/outbox", model);
    }

    /** POST /admin/outbox/{id}/retry: a dead message is sent again (anything else is refused, changing nothing). */
    public void retry(Context ctx) {
        String id = ctx.pathParam("id");
        try {
            if (!id.matches("\\d{1,12}")) {
                throw new NotFound("Meddelande " + id + " finns inte i utkorgen");
            }
            outbox.retry(Long.parseLong(id));
            ctx.redirect("/admin/outbox?status=dead&retried=" + id
                    + ("en".equals(pages.locale(ctx).getLanguage()) ? "&locale=en" : ""), HttpStatus.SEE_OTHER);
        } catch (InvalidInput | NotFound refused) {
            var model = model(ctx);
            model.put("message", refused.getMessage());
            pages.show(ctx, refused instanceof NotFound ? 404 : 400, "console/outbox-refused", model);
        }
    }

    private Map<String, Object> view(OutboxEntry entry, Locale locale) {
        var format = DateTimeFormatter.ofPattern("d MMM yyyy HH.mm", locale);
        var view = new LinkedHashMap<String, Object>();
        view.put("id", entry.id());
        view.put("recipient", entry.recipient());
        view.put("channel", entry.channel().name().toLowerCase(Locale.ROOT));
        view.put("template", entry.template());
        view.put("attempts", entry.attempts());
        view.put("created", format.format(entry.createdAt().atZone(zone)));
        view.put("lastError", entry.lastError() == null ? "" : entry.lastError());
        view.put("dead", entry.status() == OutboxStatus.DEAD);
        return view;
    }

    private Map<String, Object> model(Context ctx) {
        var model = pages.model(ctx);
        model.put("me", AccessGuard.person(ctx));
        return model;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
