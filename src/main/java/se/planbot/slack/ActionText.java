package se.planbot.slack;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import se.planbot.plan.Action;
import se.planbot.plan.Change;

/** How an action reads in one line, shared by Block Kit, plain text and the Home tab. */
final class ActionText {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Texts texts;
    private final ZoneId zone;

    ActionText(Texts texts, ZoneId zone) {
        this.texts = texts;
        this.zone = zone;
    }

    String name(Action action) {
        return action.code() + " " + action.title();
    }

    /** "Pågår · 30 % · Anna Andersson · deadline 2026-12-08 (försenad med 3 dagar)". */
    String summary(Action action, LocalDate today) {
        return status(action) + " · " + action.progress() + " % · " + owner(action) + " · "
                + texts.get("deadline").toLowerCase(texts.locale()) + " " + deadline(action, today);
    }

    String status(Action action) {
        return action.status().label(texts.locale());
    }

    String owner(Action action) {
        return action.ownerName() == null ? texts.get("no-owner") : action.ownerName();
    }

    String deadline(Action action, LocalDate today) {
        if (action.deadline() == null) {
            return texts.get("no-deadline");
        }
        String overdue = overdue(action, today);
        return action.deadline() + (overdue.isEmpty() ? "" : " (" + overdue + ")");
    }

    /** "försenad med 3 dagar" or "" when not overdue. */
    String overdue(Action action, LocalDate today) {
        if (!action.isOverdue(today)) {
            return "";
        }
        long days = ChronoUnit.DAYS.between(action.deadline(), today);
        return days == 1 ? texts.get("overdue.one") : texts.get("overdue.days", days);
    }

    String lastChange(Change change) {
        String when = MINUTE.format(change.at().atZone(zone));
        String line = texts.get("last.update", when, change.actor());
        return change.note() == null || change.note().isBlank() ? line
                : line + ": " + texts.get("last.note", change.note());
    }

    /** Slack mrkdwn treats &, < and > as markup; text from the plan is shown as written. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
