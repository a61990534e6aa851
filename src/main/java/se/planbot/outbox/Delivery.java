package se.planbot.outbox;

/**
 * What happened to one message in a dispatch batch.
 *
 * @param outcome sent, retry (failed, will be tried again) or dead (given up)
 * @param error   why it failed; null when sent
 */
public record Delivery(long id, Channel channel, String recipient, String template, Outcome outcome, String error) {

    public enum Outcome {
        SENT, RETRY, DEAD
    }

    static Delivery of(QueuedMessage message, Outcome outcome, String error) {
        return new Delivery(message.id(), message.channel(), message.recipient(), message.template(), outcome, error);
    }
}
