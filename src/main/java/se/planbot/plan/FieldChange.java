package se.planbot.plan;

/** One field of an action changed in one history entry; values as text, null when empty. */
public record FieldChange(String field, String oldValue, String newValue) {
}
