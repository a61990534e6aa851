package se.planbot.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import se.planbot.plan.Action;
import se.planbot.plan.ActionStatus;

/** Actions as the console's templates show them: dates and statuses in the reader's language. */
final class ActionViews {

    private ActionViews() {
    }

    static Map<String, Object> view(Action action, LocalDate today, Locale locale) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", action.id());
        view.put("code", action.code());
        view.put("title", action.title());
        view.put("description", action.description());
        view.put("strategy", action.strategyId());
        view.put("ownerId", action.ownerId());
        view.put("owner", action.ownerName() == null ? "" : action.ownerName());
        view.put("department", action.department());
        view.put("deadline", action.deadline() == null ? ""
                : DateTimeFormatter.ofPattern("d MMM yyyy", locale).format(action.deadline()));
        view.put("status", action.status().label(locale));
        view.put("statusCode", action.status().code());
        view.put("progress", action.progress());
        view.put("overdue", action.isOverdue(today));
        return view;
    }

    static List<Map<String, Object>> views(List<Action> actions, LocalDate today, Locale locale) {
        return actions.stream().map(action -> view(action, today, locale)).toList();
    }

    /** Every status as code and label, for a select. */
    static List<Map<String, String>> statuses(Locale locale) {
        return java.util.Arrays.stream(ActionStatus.values())
                .map(status -> Map.of("code", status.code(), "label", status.label(locale))).toList();
    }
}
