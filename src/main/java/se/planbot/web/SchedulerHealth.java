package se.planbot.web;

import java.util.LinkedHashMap;
import java.util.Map;
import se.planbot.http.HealthCheck;
import se.planbot.reminders.ReminderScheduler;

/** {@code /health} → {@code "scheduler": {"ok": true, "nextDigest": "2026-11-30T07:00:00Z"}}. */
public final class SchedulerHealth implements HealthCheck {

    private final ReminderScheduler scheduler;

    public SchedulerHealth(ReminderScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public String name() {
        return "scheduler";
    }

    @Override
    public Map<String, Object> status() {
        var status = new LinkedHashMap<String, Object>();
        status.put("ok", scheduler.isRunning());
        scheduler.nextDigest().ifPresent(next -> status.put("nextDigest", next.toInstant().toString()));
        return status;
    }
}
