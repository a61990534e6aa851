package se.planbot.oidc;

/** The identity provider could not be reached or answered nonsense: the person may try again later. */
final class ProviderUnavailable extends Exception {
    ProviderUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
