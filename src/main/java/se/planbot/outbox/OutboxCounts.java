package se.planbot.outbox;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outbox's messages not yet sent: pending, sending and dead, and among the pending those of a
 * channel without a sender (Slack off), which wait until it is turned on.
 */
public record OutboxCounts(long pending, long sending, long dead, Map<Channel, Long> waitingForChannel) {

    public OutboxCounts {
        waitingForChannel = Map.copyOf(waitingForChannel);
    }

    /** The waiting counts by channel name ("slack"), sorted, as health and {@code remind} print them. */
    public Map<String, Long> waitingByName() {
        var byName = new TreeMap<String, Long>();
        waitingForChannel.forEach((channel, count) -> byName.put(channel.name().toLowerCase(Locale.ROOT), count));
        return byName;
    }

    /** The counts as /health shows them: pending, sending, dead, waitingForChannel. */
    public Map<String, Object> asMap() {
        var map = new LinkedHashMap<String, Object>();
        map.put("pending", pending);
        map.put("sending", sending);
        map.put("dead", dead);
        map.put("waitingForChannel", waitingByName());
        return map;
    }
}
