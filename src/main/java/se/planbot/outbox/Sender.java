package se.planbot.outbox;

/**
 * Sends messages of one channel. The dispatcher calls {@link #send} once per message of a batch
 * and {@link #close} after the batch, so a sender may keep one connection open for the batch.
 */
public interface Sender extends AutoCloseable {

    Channel channel();

    void send(QueuedMessage message) throws SendFailure;

    /** End of a batch: release any connection kept open. */
    @Override
    default void close() {
    }
}
