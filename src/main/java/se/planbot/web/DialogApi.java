package se.planbot.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.planbot.dialogs.Dialog;
import se.planbot.dialogs.DialogDraft;
import se.planbot.dialogs.DialogService;
import se.planbot.dialogs.Registration;
import se.planbot.dialogs.RegistrationService;
import se.planbot.problem.NotFound;

/**
 * The coordinator's dialog API (token required, see the route table). Times are local Europe/Stockholm time.
 *
 * <pre>
 * curl -s -H "Authorization: Bearer $TOKEN" -X POST localhost:7070/api/v1/dialogs -d '{"title":"Frukostmöte",
 *      "theme":"Innovationskraft","start":"2026-12-10T08:00","end":"2026-12-10T09:30",
 *      "place":"Stadshuset","capacity":40,"strategies":[2,3]}'
 * curl -s -H "Authorization: Bearer $TOKEN" -X POST localhost:7070/api/v1/dialogs/1/publish
 * curl -s -H "Authorization: Bearer $TOKEN" -X PATCH localhost:7070/api/v1/dialogs/1 -d '{"start":"2026-12-11T08:00","end":"2026-12-11T09:30"}'
 * curl -s -H "Authorization: Bearer $TOKEN" -X POST localhost:7070/api/v1/dialogs/1/cancel
 * curl -s -H "Authorization: Bearer $TOKEN" localhost:7070/api/v1/dialogs/1/registrations
 * curl -s -H "Authorization: Bearer $TOKEN" localhost:7070/api/v1/dialogs/1/registrations.csv
 * </pre>
 */
public final class DialogApi {

    private static final Set<String> FIELDS = Set.of("title", "theme", "description", "start", "end", "place",
            "onlineUrl", "capacity", "strategies");

    private final DialogService dialogs;
    private final RegistrationService registrations;
    private final ObjectMapper json;
    private final ZoneId zone;

    DialogApi(DialogService dialogs, RegistrationService registrations, ObjectMapper json, ZoneId zone) {
        this.dialogs = dialogs;
        this.registrations = registrations;
        this.json = json;
        this.zone = zone;
    }

    public void list(Context ctx) {
        ctx.json(dialogs.allDialogs(Instant.EPOCH).stream().map(this::view).toList());
    }

    public void create(Context ctx) {
        Dialog created = dialogs.create(draft(ctx));
        ctx.status(201).header("Location", "/api/v1/dialogs/" + created.id()).json(view(created));
    }

    public void show(Context ctx) {
        ctx.json(view(dialogs.require(id(ctx))));
    }

    public void update(Context ctx) {
        long id = id(ctx);
        dialogs.require(id);
        ctx.json(view(dialogs.update(id, draft(ctx))));
    }

    public void publish(Context ctx) {
        ctx.json(view(dialogs.publish(id(ctx))));
    }

    public void cancel(Context ctx) {
        ctx.json(view(dialogs.cancel(id(ctx))));
    }

    public void registrations(Context ctx) {
        ctx.json(registrations.list(id(ctx)).stream().map(DialogApi::view).toList());
    }

    public void registrationsCsv(Context ctx) {
        long id = id(ctx);
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"anmalningar-dialog-" + id + ".csv\"")
                .result(registrations.csv(id));
    }

    private DialogDraft draft(Context ctx) {
        var body = JsonBody.parse(json, ctx.body(), FIELDS);
        String title = body.text("title");
        String theme = body.text("theme");
        String description = body.text("description");
        String start = body.text("start");
        String end = body.text("end");
        String place = body.text("place");
        String link = body.text("onlineUrl");
        Integer capacity = body.integer("capacity");
        List<Integer> strategies = strategies(ctx.body(), body);
        LocalDateTime startTime = time(start, "start", body);
        LocalDateTime endTime = time(end, "end", body);
        body.errors().throwIfAny();
        return new DialogDraft(title, theme, description, startTime, endTime, place, link, capacity, strategies);
    }

    private LocalDateTime time(String text, String field, JsonBody body) {
        if (text == null) {
            return null;
        }
        try {
            // Whether the time exists in the programme's zone is the dialog's rule (DialogRules).
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            body.errors().add(field, "'" + text + "' är ingen tid; skriv ÅÅÅÅ-MM-DDTTT:MM i svensk tid, t.ex. 2026-12-10T09:00");
            return null;
        }
    }

    private List<Integer> strategies(String raw, JsonBody body) {
        if (!body.has("strategies")) {
            return null;
        }
        try {
            JsonNode node = json.readTree(raw).get("strategies");
            var result = new ArrayList<Integer>();
            if (node.isArray()) {
                for (JsonNode item : node) {
                    if (!item.canConvertToInt() || !item.isIntegralNumber()) {
                        body.errors().add("strategies", "ska vara en lista av strateginummer, t.ex. [1, 3]");
                        return null;
                    }
                    result.add(item.intValue());
                }
                return result;
            }
        } catch (IOException e) {
            // JsonBody.parse already read this body; it cannot fail the second time.
        }
        body.errors().add("strategies", "ska vara en lista av strateginummer, t.ex. [1, 3]");
        return null;
    }

    private Map<String, Object> view(Dialog dialog) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", dialog.id());
        view.put("uid", dialog.uid());
        view.put("title", dialog.title());
        view.put("theme", dialog.theme());
        view.put("description", dialog.description());
        view.put("start", dialog.startsAt().atZone(zone).toLocalDateTime().toString());
        view.put("end", dialog.endsAt().atZone(zone).toLocalDateTime().toString());
        view.put("place", dialog.place());
        view.put("onlineUrl", dialog.onlineUrl());
        view.put("capacity", dialog.capacity());
        view.put("registered", dialog.registered());
        view.put("strategies", dialog.strategies());
        view.put("state", dialog.state().code());
        view.put("sequence", dialog.sequence());
        view.put("page", "/dialogs/" + dialog.id());
        return view;
    }

    private static Map<String, Object> view(Registration registration) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", registration.id());
        view.put("name", registration.name());
        view.put("company", registration.company());
        view.put("email", registration.email());
        view.put("status", registration.status().code());
        view.put("registeredAt", registration.createdAt());
        return view;
    }

    private static long id(Context ctx) {
        String text = ctx.pathParam("id");
        if (!text.matches("\\d{1,12}")) {
            throw new NotFound("Dialog '" + text + "' finns inte (id ska vara ett nummer)");
        }
        return Long.parseLong(text);
    }
}
