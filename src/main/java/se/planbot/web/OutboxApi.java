package se.planbot.web;

import io.javalin.config.RoutesConfig;
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
 * The outbox for operators (admin token; rows name recipients, which is personal data):
 *
 * <pre>
 * curl -s -H "Authorization: Bearer $TOKEN" 'localhost:7070/api/v1/outbox?status=dead'
 * curl -s -X POST -H "Authorization: Bearer $TOKEN" localhost:7070/api/v1/outbox/5/retry
 * </pre>
 *
 * Status is pending, sending, sent or dead (default dead); a retry makes a dead message pending
 * again with a fresh maximum age. A message already sent is never sent again.
 */
public final class OutboxApi implements Routes {

    private final OutboxAdmin outbox;
    private final Auth auth;

    public OutboxApi(OutboxAdmin outbox, Auth auth) {
        this.outbox = outbox;
        this.auth = auth;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/v1/outbox", this::list);
        routes.post("/api/v1/outbox/{id}/retry", this::retry);
    }

    private void list(Context ctx) {
        auth.require(ctx);
        String text = ctx.queryParam("status");
        OutboxStatus status = text == null || text.isBlank() ? OutboxStatus.DEAD
                : OutboxStatus.fromCode(text.trim()).orElseThrow(() -> new InvalidInput("status",
                        "'" + text + "' är ingen status; tillåtna: pending, sending, sent, dead"));
        ctx.json(outbox.list(status).stream().map(OutboxApi::view).toList());
    }

    private void retry(Context ctx) {
        auth.require(ctx);
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
