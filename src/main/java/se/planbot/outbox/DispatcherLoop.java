package se.planbot.outbox;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the dispatcher on one background thread: every {@code poll} and whenever {@link #nudge()}d
 * (after a reminder sweep), so messages leave within seconds of being queued by any feature.
 */
public final class DispatcherLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DispatcherLoop.class);

    private final Dispatcher dispatcher;
    private final Duration poll;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private boolean nudged;
    private volatile boolean running;
    private Thread thread;

    public DispatcherLoop(Dispatcher dispatcher, Duration poll) {
        this.dispatcher = dispatcher;
        this.poll = poll;
    }

    /** Recovers interrupted sends, then starts the loop. */
    public DispatcherLoop start() {
        dispatcher.recoverInterrupted();
        running = true;
        thread = new Thread(this::loop, "planbot-dispatcher");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    public void nudge() {
        lock.lock();
        try {
            nudged = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (running) {
            try {
                dispatcher.dispatchDue();
            } catch (RuntimeException e) {
                log.error("Dispatching the outbox failed; trying again in {}", poll, e);
            }
            lock.lock();
            try {
                if (!nudged && running) {
                    wake.await(poll.toMillis(), TimeUnit.MILLISECONDS);
                }
                nudged = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Lets the message in flight finish (its result is committed), then stops. */
    @Override
    public void close() {
        running = false;
        nudge();
        if (thread != null) {
            try {
                thread.join(Duration.ofMinutes(2).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
