package se.planbot.oidc;

import java.util.Locale;

/** Why a sign-in through the identity provider did not begin a session; each has its own Swedish page. */
public enum Refusal {
    /** The state is unknown, used already or too old (a replayed or forged callback, a stale tab). */
    STALE_STATE(400),
    /** The provider sent the person back with an error (they cancelled, or were not allowed). */
    PROVIDER_ERROR(400),
    /** The provider could not be reached or did not give a token. */
    PROVIDER_UNAVAILABLE(503),
    /** The ID token's signature does not verify with the provider's keys. */
    BAD_SIGNATURE(400),
    WRONG_ISSUER(400),
    WRONG_AUDIENCE(400),
    EXPIRED(400),
    WRONG_NONCE(400),
    /** The token carries none of the configured e-mail claims. */
    NO_EMAIL(400),
    /** The address is nobody in the people table. */
    UNKNOWN_PERSON(403);

    private final int status;

    Refusal(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The key of this refusal's text in the console's messages. */
    public String messageKey() {
        return "oidc.refused." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
