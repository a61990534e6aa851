package se.planbot.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import se.planbot.http.HealthCheck;
import se.planbot.outbox.Channel;
import se.planbot.outbox.OutboxAdmin;

/**
 * {@code /health} → {@code "outbox": {"ok": true, "pending": 3, "sending": 0, "dead": 1,
 * "waitingForChannel": {"slack": 2}}}. Dead messages do not make Planbot unhealthy (the
 * coordinator gets a daily notice); they are counted so monitoring can alert on them.
 */
public final class OutboxHealth implements HealthCheck {

    private final OutboxAdmin outbox;
    private final Set<Channel> channelsWithSender;

    public OutboxHealth(OutboxAdmin outbox, Set<Channel> channelsWithSender) {
        this.outbox = outbox;
        this.channelsWithSender = channelsWithSender;
    }

    @Override
    public String name() {
        return "outbox";
    }

    @Override
    public Map<String, Object> status() {
        var status = new LinkedHashMap<String, Object>();
        status.put("ok", true);
        status.putAll(outbox.counts(channelsWithSender).asMap());
        return status;
    }
}
