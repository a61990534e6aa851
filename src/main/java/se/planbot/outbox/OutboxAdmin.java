package se.planbot.outbox;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import se.planbot.db.Database;
import se.planbot.problem.InvalidInput;
import se.planbot.problem.NotFound;

/** What operators see and do with the outbox: list rows by status, retry a dead one, count. */
public final class OutboxAdmin {

    public static final int LIST_LIMIT = 500;

    private final Database database;
    private final Clock clock;
    private final OutboxStore store = new OutboxStore();

    public OutboxAdmin(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The newest {@value #LIST_LIMIT} rows with {@code status}. */
    public List<OutboxEntry> list(OutboxStatus status) {
        return database.read(connection -> store.list(connection, status, LIST_LIMIT));
    }

    public Optional<OutboxEntry> entry(long id) {
        return database.read(connection -> store.entry(connection, id));
    }

    /** Sends a dead message again (fresh maximum age). Only dead rows: a sent one is never resent. */
    public OutboxEntry retry(long id) {
        return database.write(connection -> {
            OutboxEntry entry = store.entry(connection, id)
                    .orElseThrow(() -> new NotFound("Meddelande " + id + " finns inte i utkorgen"));
            if (entry.status() != OutboxStatus.DEAD) {
                throw new InvalidInput("id", "meddelande " + id + " är " + swedish(entry.status())
                        + "; bara meddelanden som gett upp (dead) kan skickas om");
            }
            store.revive(connection, id, clock.instant());
            return store.entry(connection, id).orElseThrow();
        });
    }

    /**
     * Pending, sending and dead counts; pending rows of a channel without a sender (Slack off)
     * are counted separately as {@code waitingForChannel}.
     */
    public Map<String, Object> counts(Set<Channel> channelsWithSender) {
        Map<String, Long> raw = database.read(store::countsByStatusAndChannel);
        long pending = 0;
        long sending = 0;
        long dead = 0;
        var waiting = new TreeMap<String, Long>();
        for (var entry : raw.entrySet()) {
            String[] parts = entry.getKey().split(":");
            long count = entry.getValue();
            switch (parts[0]) {
                case "pending" -> {
                    pending += count;
                    Channel channel = Channel.valueOf(parts[1].toUpperCase(Locale.ROOT));
                    if (!channelsWithSender.contains(channel)) {
                        waiting.merge(parts[1], count, Long::sum);
                    }
                }
                case "sending" -> sending += count;
                default -> dead += count;
            }
        }
        return Map.of("pending", pending, "sending", sending, "dead", dead, "waitingForChannel", waiting);
    }

    /** Pending messages per channel that has no sender (Slack off): they wait until it is turned on. */
    @SuppressWarnings("unchecked")
    public Map<String, Long> waitingForChannel(Set<Channel> channelsWithSender) {
        return (Map<String, Long>) counts(channelsWithSender).get("waitingForChannel");
    }

    private static String swedish(OutboxStatus status) {
        return switch (status) {
            case PENDING -> "redan i kö (pending)";
            case SENDING -> "under sändning (sending)";
            case SENT -> "redan skickat (sent)";
            case DEAD -> "dead";
        };
    }
}
