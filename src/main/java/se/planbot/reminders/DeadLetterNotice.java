package se.planbot.reminders;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.planbot.outbox.Channel;
import se.planbot.outbox.Outbox;
import se.planbot.outbox.OutboxEntry;
import se.planbot.outbox.OutgoingMessage;
import se.planbot.plan.PlanService;

/**
 * Tells the coordinator, at most once a day, which messages Planbot gave up on since the last
 * notice. A dead notice itself is never reported (a broken mail server would otherwise feed it).
 */
public final class DeadLetterNotice implements SweepTask {

    static final String TEMPLATE = "outbox-dead";

    private final PlanService plan;
    private final Outbox outbox;
    private final ReminderSettings settings;

    public DeadLetterNotice(PlanService plan, Outbox outbox, ReminderSettings settings) {
        this.plan = plan;
        this.outbox = outbox;
        this.settings = settings;
    }

    @Override
    public int runAsOf(Connection connection, ZonedDateTime now, WorkingDays workingDays) throws SQLException {
        return queue(connection, now.toLocalDate());
    }

    int queue(Connection connection, LocalDate today) throws SQLException {
        List<OutboxEntry> dead = outbox.deadNotNoticed(connection);
        var notices = dead.stream().filter(entry -> entry.template().equals(TEMPLATE)).map(OutboxEntry::id).toList();
        outbox.markDeadNoticed(connection, notices);
        var reported = dead.stream().filter(entry -> !entry.template().equals(TEMPLATE)).toList();
        if (reported.isEmpty()) {
            return 0;
        }
        var items = new ArrayList<Map<String, Object>>();
        for (OutboxEntry entry : reported) {
            var item = new LinkedHashMap<String, Object>();
            item.put("id", entry.id());
            item.put("recipient", entry.recipient());
            item.put("template", entry.template());
            item.put("lastError", entry.lastError() == null ? "" : entry.lastError());
            items.add(item);
        }
        var model = new LinkedHashMap<String, Object>();
        model.put("date", today.toString());
        model.put("count", items.size());
        model.put("items", items);
        int queued = 0;
        for (var recipient : Coordinators.of(connection, plan, settings)) {
            if (outbox.enqueue(connection, new OutgoingMessage(TEMPLATE + ":" + recipient.email().toLowerCase() + ":" + today,
                    Channel.EMAIL, recipient.email(), recipient.name(), TEMPLATE, model, settings.locale()))) {
                queued++;
            }
        }
        if (queued > 0) {
            outbox.markDeadNoticed(connection, reported.stream().map(OutboxEntry::id).toList());
        }
        return queued;
    }
}
