package se.planbot.plan;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The fields a change touches, as text from → to: what one history entry records. */
final class ActionDiff {

    private ActionDiff() {
    }

    static List<FieldChange> created(Action after) {
        var changes = new ArrayList<FieldChange>();
        compare(changes, "code", null, after.code());
        compare(changes, "title", null, after.title());
        compare(changes, "description", null, after.description());
        compare(changes, "strategy", null, after.strategyId());
        compare(changes, "owner", null, after.ownerName());
        compare(changes, "department", null, after.department());
        compare(changes, "startDate", null, after.startDate());
        compare(changes, "deadline", null, after.deadline());
        compare(changes, "status", null, after.status().code());
        compare(changes, "progress", null, after.progress());
        return changes;
    }

    static List<FieldChange> changed(Connection connection, PlanStore store, Action before, ActionDraft after)
            throws SQLException {
        var changes = new ArrayList<FieldChange>();
        compare(changes, "code", before.code(), after.code());
        compare(changes, "title", before.title(), after.title());
        compare(changes, "description", before.description(), after.description());
        compare(changes, "strategy", before.strategyId(), after.strategyId());
        if (!Objects.equals(before.ownerId(), after.ownerId())) {
            String newOwner = after.ownerId() == null ? null
                    : store.person(connection, after.ownerId()).map(Person::name).orElse(null);
            compare(changes, "owner", before.ownerName(), newOwner);
        }
        compare(changes, "department", before.department(), after.department());
        compare(changes, "startDate", before.startDate(), after.startDate());
        compare(changes, "deadline", before.deadline(), after.deadline());
        compare(changes, "status", before.status().code(), after.status().code());
        compare(changes, "progress", before.progress(), after.progress());
        return changes;
    }

    /** What differs between two versions of an action, owner's address and Slack id and origin included (an import sets them). */
    static List<FieldChange> between(Action before, Action after) {
        var changes = new ArrayList<FieldChange>();
        compare(changes, "code", before.code(), after.code());
        compare(changes, "title", before.title(), after.title());
        compare(changes, "description", before.description(), after.description());
        compare(changes, "strategy", before.strategyId(), after.strategyId());
        compare(changes, "owner", before.ownerName(), after.ownerName());
        compare(changes, "ownerEmail", before.ownerEmail(), after.ownerEmail());
        compare(changes, "ownerSlackUserId", before.ownerSlackUserId(), after.ownerSlackUserId());
        compare(changes, "department", before.department(), after.department());
        compare(changes, "startDate", before.startDate(), after.startDate());
        compare(changes, "deadline", before.deadline(), after.deadline());
        compare(changes, "status", before.status().code(), after.status().code());
        compare(changes, "progress", before.progress(), after.progress());
        compare(changes, "origin", before.origin(), after.origin());
        return changes;
    }

    private static void compare(List<FieldChange> changes, String field, Object before, Object after) {
        String oldText = text(before);
        String newText = text(after);
        if (!Objects.equals(oldText, newText)) {
            changes.add(new FieldChange(field, oldText, newText));
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return text.isEmpty() ? null : text;
    }
}
