package se.planbot.reminders;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import se.planbot.plan.PersonRole;
import se.planbot.plan.PlanService;

/**
 * Where coordinator mail goes: {@code coordinator.email}, else every person with role coordinator and
 * an email. Public for the other features that write to the coordinator (the follow-up's due reminder).
 */
public final class Coordinators {

    public record Recipient(String email, String name) {
    }

    private Coordinators() {
    }

    public static List<Recipient> of(Connection connection, PlanService plan, ReminderSettings settings)
            throws SQLException {
        if (!settings.coordinatorEmails().isEmpty()) {
            return settings.coordinatorEmails().stream().map(email -> new Recipient(email, "")).toList();
        }
        var recipients = new ArrayList<Recipient>();
        for (var person : plan.people(connection)) {
            if (person.role() == PersonRole.COORDINATOR && person.email() != null && !person.email().isBlank()) {
                recipients.add(new Recipient(person.email(), person.name()));
            }
        }
        return recipients;
    }
}
