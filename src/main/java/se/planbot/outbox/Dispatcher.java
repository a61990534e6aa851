package se.planbot.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planbot.db.Database;

/**
 * Sends the outbox, one message at a time: take the next due row (marked 'sending' and
 * committed), hand it to the {@link Sender} of its channel, commit the result, then take the next.
 * A crash between sending and committing leaves only that one row 'sending', tagged with the
 * crashed process's {@link Boot}; {@link #recoverInterrupted()} (run at start and by every
 * dispatch) makes it pending again as soon as that process is gone, or once its claim's lease has
 * run out, so at most that message repeats and nothing already marked sent is ever sent again.
 *
 * <p>Rows of a channel with no registered sender (Slack switched off) stay pending.
 * A temporary failure is retried with {@link Backoff}; a permanent one (SMTP 5xx) and anything
 * still failing after {@code outbox.max-age-hours} is dead.
 */
public final class Dispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int MAX_ERROR_LENGTH = 1000;
    /** How long a row may stay 'sending' before it counts as interrupted (well above SMTP's timeouts). */
    public static final Duration CLAIM_LEASE = Duration.ofMinutes(10);

    private final Database database;
    private final Map<Channel, Sender> senders = new EnumMap<>(Channel.class);
    private final Clock clock;
    private final Backoff backoff;
    private final OutboxStore store = new OutboxStore();
    private final Boot boot;

    public Dispatcher(Database database, List<Sender> senders, Clock clock, Duration maxAge) {
        this.database = database;
        for (Sender sender : senders) {
            if (this.senders.putIfAbsent(sender.channel(), sender) != null) {
                throw new IllegalArgumentException("two senders for channel " + sender.channel());
            }
        }
        this.clock = clock;
        this.backoff = new Backoff(maxAge);
        this.boot = Boot.start(database.file());
    }

    /** Channels that have a sender; rows of other channels wait. */
    public Set<Channel> channels() {
        return senders.keySet();
    }

    /**
     * Makes rows left 'sending' by an interrupted process pending again; returns how many: at once
     * the rows of a process that has ended (its boot lock is free), otherwise only rows taken more
     * than {@link #CLAIM_LEASE} ago (claims from before boot ids, or from a process on another
     * machine). A live process's row is never taken: a remind beside serve must not send it twice.
     */
    public int recoverInterrupted() {
        var recovered = new int[1];
        boot.takeBackEnded(ended -> recovered[0] += database.write(connection -> store.takeBack(connection, ended)));
        Instant claimedBefore = clock.instant().minus(CLAIM_LEASE);
        recovered[0] += database.write(connection -> store.recoverSending(connection, claimedBefore));
        if (recovered[0] > 0) {
            log.warn("{} outbox message(s) were interrupted mid-send and will be sent again", recovered[0]);
        }
        return recovered[0];
    }

    /**
     * Sends every due message once, one at a time; returns what happened to each. After a
     * temporary failure the channel rests for the rest of the batch, so a mail server that is down
     * costs one attempt per batch, not one per message.
     */
    public synchronized List<Delivery> dispatchDue() {
        recoverInterrupted();
        var deliveries = new ArrayList<Delivery>();
        Set<Channel> open = new LinkedHashSet<>(senders.keySet());
        Set<Sender> used = new LinkedHashSet<>();
        try {
            while (!open.isEmpty()) {
                Instant now = clock.instant();
                Optional<QueuedMessage> next = database.write(connection -> store.claimNext(connection, open, now, boot.id()));
                if (next.isEmpty()) {
                    break;
                }
                QueuedMessage message = next.get();
                Sender sender = senders.get(message.channel());
                used.add(sender);
                Delivery delivery = deliver(sender, message);
                deliveries.add(delivery);
                if (delivery.outcome() == Delivery.Outcome.RETRY) {
                    open.remove(message.channel());
                }
            }
        } finally {
            for (Sender sender : used) {
                closeQuietly(sender);
            }
        }
        return deliveries;
    }

    private Delivery deliver(Sender sender, QueuedMessage message) {
        try {
            sender.send(message);
        } catch (SendFailure failure) {
            return failed(message, failure.isPermanent(), failure.retryAfter(), describe(failure));
        } catch (RuntimeException e) {
            log.error("Sender for {} failed unexpectedly on outbox message {}", message.channel(), message.id(), e);
            return failed(message, false, null, describe(e));
        }
        Instant now = clock.instant();
        database.write(connection -> {
            store.markSent(connection, message.id(), now);
            return null;
        });
        // The id, not the address: logs outlive a subscriber's erasure.
        log.info("Sent outbox message {} ({}, {})", message.id(), message.template(), message.channel());
        return Delivery.of(message, Delivery.Outcome.SENT, null);
    }

    private Delivery failed(QueuedMessage message, boolean permanent, Duration retryAfter, String error) {
        Instant now = clock.instant();
        return database.write(connection -> {
            Instant ageFrom = store.ageFrom(connection, message.id());
            if (permanent || backoff.expired(ageFrom, now)) {
                store.markDead(connection, message.id(), now, error);
                log.warn("Outbox message {} ({}) is dead: {}", message.id(), message.template(), error);
                return Delivery.of(message, Delivery.Outcome.DEAD, error);
            }
            Instant next = backoff.next(message.attempts() + 1, retryAfter, ageFrom, now);
            store.markRetry(connection, message.id(), next, error);
            log.warn("Outbox message {} ({}) failed, next attempt {}: {}", message.id(), message.template(),
                    next, error);
            return Delivery.of(message, Delivery.Outcome.RETRY, error);
        });
    }

    private static String describe(Throwable failure) {
        String text = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        // A SendFailure is already worded for the person who reads it; anything else gets its cause appended.
        if (!(failure instanceof SendFailure) && failure.getCause() != null && failure.getCause().getMessage() != null
                && !text.contains(failure.getCause().getMessage())) {
            text = text + ": " + failure.getCause().getMessage();
        }
        text = text.replaceAll("[\\r\\n]+", " ").trim();
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }

    private static void closeQuietly(Sender sender) {
        try {
            sender.close();
        } catch (RuntimeException e) {
            log.warn("Closing the {} sender failed", sender.channel(), e);
        }
    }

    /** Releases this process's boot lock; call once no dispatch is running. */
    @Override
    public void close() {
        boot.close();
    }
}
