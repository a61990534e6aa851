package se.planbot.mail;

/** One way of getting an access token from a token endpoint (client credentials, a signed JWT, ...). */
public interface TokenGrant {

    IssuedToken request() throws TokenUnavailable;

    /** Which flow against which endpoint, for /health and logs (no secret). */
    String describe();
}
