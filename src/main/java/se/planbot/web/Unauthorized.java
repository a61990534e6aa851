package se.planbot.web;

/** A request that needs a valid API token and has none (401). */
final class Unauthorized extends RuntimeException {
    Unauthorized(String message) {
        super(message);
    }
}
