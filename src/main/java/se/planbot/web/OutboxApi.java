package se.planbot.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import se.planbot.outbox.OutboxAdmin;
import se.planbot.outbox.OutboxEntry;
import se.planbot.outbox.OutboxStatus;
import se.planbot.problem.InvalidInput;
import se.planbot.problem.NotFound;

/**
 * The outbox for operators (rows name recipients, which is personal data): a coordinator token lists,
 * only an admin token retries (see the route table).
 *
 * <pre>
 * curl -s -H "Authorization: Bearer $TOKEN" 'localhost:7070/api/v1/outbox?status=dead'
 * curl -s -X POST -H "Authorization: Bearer $TOKEN" localhost:7070/api/v1/outbox/5/retry
 * </pre>
 *
 * Status is pending, sending, sent or dead (default dead); a retry makes a dead message pending
 * again with a fresh maximum age. A message already sent is never sent again.
 */
public final class OutboxApi {

    private final OutboxAdmin outbox;

    public OutboxApi(OutboxAdmin outbox) {
        this.outbox = outbox;
    }

    public void list(Context ctx) {
        String text = ctx.queryParam("status");
        OutboxStatus status = text == null || text.isBlank() ? OutboxStatus.DEAD
                : OutboxStatus.fromCode(text.trim()).orElseThrow(() -> new InvalidInput("status",
                        "'" + text + "' är ingen status; tillåtna: pending, sending, sent, dead"));
        ctx.json(outbox.list(status).stream().map(OutboxApi::view).toList());
    }

    public void retry(Context ctx) {
        String text = ctx.pathParam("id");
        long id;
        try {
            id = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new NotFound("Meddelande '" + text + "' finns inte i utkorgen (id ska vara ett nummer)");
        }
        ctx.json(view(outbox.retry(id)));
    }

    static Map<String, Object> view(OutboxEntry entry) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", entry.id());
        view.put("key", entry.key());
        view.put("channel", entry.channel().name().toLowerCase(Locale.ROOT));
        view.put("recipient", entry.recipient());
        view.put("template", entry.template());
        view.put("status", entry.status().code());
        view.put("attempts", entry.attempts());
        view.put("createdAt", entry.createdAt());
        view.put("nextAttemptAt", entry.nextAttemptAt());
        view.put("sentAt", entry.sentAt());
        view.put("deadAt", entry.deadAt());
        view.put("lastError", entry.lastError());
        return view;
    }
}
