package se.planbot.problem;

/** One thing wrong with one field of a request, said so that a person can fix it. */
public record FieldError(String field, String message) {
}
