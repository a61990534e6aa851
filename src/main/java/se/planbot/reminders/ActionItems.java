package se.planbot.reminders;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import se.planbot.plan.Action;

/**
 * An action as reminder and digest templates see it (the Slack face renders the same keys):
 * actionId, code, title, deadline, daysLeft, overdue, daysOverdue, status, progress, url.
 */
final class ActionItems {

    private ActionItems() {
    }

    static Map<String, Object> item(Action action, LocalDate today, String baseUrl) {
        long daysLeft = ChronoUnit.DAYS.between(today, action.deadline());
        boolean overdue = action.isOverdue(today);
        var item = new LinkedHashMap<String, Object>();
        item.put("actionId", action.id());
        item.put("code", action.code());
        item.put("title", action.title());
        item.put("deadline", action.deadline().toString());
        item.put("daysLeft", daysLeft);
        item.put("overdue", overdue);
        item.put("daysOverdue", overdue ? -daysLeft : 0);
        item.put("status", action.status().code());
        item.put("progress", action.progress());
        item.put("owner", action.ownerName() == null ? "" : action.ownerName());
        item.put("url", baseUrl + "/plan/actions/" + action.id());
        // The coordinator updates it in the console (signing in first if need be).
        item.put("consoleUrl", baseUrl + "/admin/actions/" + action.id());
        return item;
    }
}
