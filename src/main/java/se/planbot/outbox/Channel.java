package se.planbot.outbox;

/** How a message leaves Planbot. */
public enum Channel {
    EMAIL, SLACK
}
