package se.planbot.problem;

import java.util.ArrayList;
import java.util.List;

/** Collects field errors while checking input, then throws them all at once. */
public final class Errors {

    private final List<FieldError> errors = new ArrayList<>();

    public Errors add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(error -> error.field().equals(field));
    }

    /** Every problem so far, in the order found. */
    public List<FieldError> all() {
        return List.copyOf(errors);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Copies these errors into {@code into} with each field prefixed (a nested object's fields: {@code newAction.code}). */
    public void addTo(String prefix, Errors into) {
        errors.forEach(error -> into.add(prefix + error.field(), error.message()));
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
