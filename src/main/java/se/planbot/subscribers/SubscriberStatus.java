package se.planbot.subscribers;

/** Only confirmed subscribers get invitations; pending ones have not clicked the link yet. */
public enum SubscriberStatus {
    PENDING, CONFIRMED, UNSUBSCRIBED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static SubscriberStatus of(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
