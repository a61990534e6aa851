package se.planbot.outbox;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /** Pending, sending and dead counts; pending messages of a channel without a sender are also counted as waiting. */
    public OutboxCounts counts(Set<Channel> channelsWithSender) {
        Map<OutboxStatus, Map<Channel, Long>> raw = database.read(store::countsByStatusAndChannel);
        var waiting = new EnumMap<Channel, Long>(Channel.class);
        raw.getOrDefault(OutboxStatus.PENDING, Map.of()).forEach((channel, count) -> {
            if (!channelsWithSender.contains(channel)) {
                waiting.put(channel, count);
            }
        });
        return new OutboxCounts(total(raw, OutboxStatus.PENDING), total(raw, OutboxStatus.SENDING),
                total(raw, OutboxStatus.DEAD), waiting);
    }

    private static long total(Map<OutboxStatus, Map<Channel, Long>> counts, OutboxStatus status) {
        return counts.getOrDefault(status, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Pending messages per channel that has no sender (Slack off): they wait until it is turned on. */
    public Map<String, Long> waitingForChannel(Set<Channel> channelsWithSender) {
        return counts(channelsWithSender).waitingByName();
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
