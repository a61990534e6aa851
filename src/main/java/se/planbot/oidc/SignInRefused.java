package se.planbot.oidc;

import java.util.Optional;

/**
 * A sign-in through the identity provider that must not begin a session: why (a {@link Refusal}
 * for the page), a detail for the log, and for an unknown person the address they came with.
 */
public final class SignInRefused extends Exception {

    private final Refusal refusal;
    private final String address;

    SignInRefused(Refusal refusal, String detail) {
        this(refusal, detail, null);
    }

    SignInRefused(Refusal refusal, String detail, String address) {
        super(refusal + ": " + detail);
        this.refusal = refusal;
        this.address = address;
    }

    public Refusal refusal() {
        return refusal;
    }

    /** The e-mail address the provider vouched for, when the refusal is that nobody has it. */
    public Optional<String> address() {
        return Optional.ofNullable(address);
    }
}
