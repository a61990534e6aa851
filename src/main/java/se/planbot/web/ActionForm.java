package se.planbot.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.planbot.plan.Action;
import se.planbot.plan.ActionDraft;
import se.planbot.plan.ActionStatus;
import se.planbot.problem.Errors;

/**
 * The console's action form read into a draft: text to numbers, dates and statuses, with a
 * Swedish message for each field that is not one. Whether the values make a valid action is the
 * plan's rule ({@code PlanService}); an emptied optional field is reported in {@link #cleared}.
 *
 * @param values the fields as typed, to show the form again
 */
record ActionForm(ActionDraft draft, Set<String> cleared, Map<String, String> values) {

    static final List<String> FIELDS = List.of("code", "title", "description", "strategy", "ownerId", "department",
            "startDate", "deadline", "status", "progress");

    /** Reads the form; throws the field errors of values that are not even of the right kind. */
    static ActionForm read(Context ctx) {
        var values = new LinkedHashMap<String, String>();
        FIELDS.forEach(field -> values.put(field, text(ctx.formParam(field))));
        var errors = new Errors();
        Integer strategy = number(values.get("strategy"), "strategy", "välj en strategi i listan", errors);
        Integer owner = number(values.get("ownerId"), "ownerId", "välj en person i listan", errors);
        LocalDate start = date(values.get("startDate"), "startDate", errors);
        LocalDate deadline = date(values.get("deadline"), "deadline", errors);
        ActionStatus status = values.get("status").isEmpty() ? null : ActionStatus.fromCode(values.get("status")).orElse(null);
        if (status == null && !values.get("status").isEmpty()) {
            errors.add("status", "välj en status i listan");
        }
        String progressText = values.get("progress").replace("%", "").strip();
        Integer progress = progressText.isEmpty() ? null
                : number(progressText, "progress", "ange framsteg som ett heltal från 0 till 100", errors);
        errors.throwIfAny();
        var cleared = new HashSet<String>();
        for (String field : List.of("description", "ownerId", "department", "startDate", "deadline")) {
            if (values.get(field).isEmpty()) {
                cleared.add(field);
            }
        }
        var draft = new ActionDraft(values.get("code"), values.get("title"), values.get("description"), strategy,
                owner == null ? null : owner.longValue(), values.get("department"), start, deadline, status, progress, null);
        return new ActionForm(draft, Set.copyOf(cleared), Map.copyOf(values));
    }

    /** The form filled with an action's values (dates as yyyy-mm-dd, as the field takes them). */
    static Map<String, String> values(Action action) {
        var values = new LinkedHashMap<String, String>();
        values.put("code", action.code());
        values.put("title", action.title());
        values.put("description", action.description());
        values.put("strategy", String.valueOf(action.strategyId()));
        values.put("ownerId", action.ownerId() == null ? "" : String.valueOf(action.ownerId()));
        values.put("department", action.department());
        values.put("startDate", action.startDate() == null ? "" : action.startDate().toString());
        values.put("deadline", action.deadline() == null ? "" : action.deadline().toString());
        values.put("status", action.status().code());
        values.put("progress", String.valueOf(action.progress()));
        return values;
    }

    /** The typed values again, for a form shown after errors. */
    static Map<String, String> typed(Context ctx) {
        var values = new LinkedHashMap<String, String>();
        FIELDS.forEach(field -> values.put(field, text(ctx.formParam(field))));
        return values;
    }

    private static Integer number(String text, String field, String message, Errors errors) {
        if (text.isEmpty()) {
            return null;
        }
        if (!text.matches("\\d{1,9}")) {
            errors.add(field, message);
            return null;
        }
        return Integer.valueOf(text);
    }

    private static LocalDate date(String text, String field, Errors errors) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(field, "skriv datumet som år-månad-dag, till exempel 2027-03-31");
            return null;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
