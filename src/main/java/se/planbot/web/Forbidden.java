package se.planbot.web;

/** A valid token that may not do this (403). */
final class Forbidden extends RuntimeException {
    Forbidden(String message) {
        super(message);
    }
}
