package se.planbot.db;

/** The database could not do what was asked (not the user's fault). */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
