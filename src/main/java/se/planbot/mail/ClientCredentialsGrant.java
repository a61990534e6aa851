package se.planbot.mail;

import java.util.LinkedHashMap;

/**
 * The client credentials grant (RFC 6749 §4.4) with a client secret, as Microsoft Entra ID issues
 * tokens for {@code SMTP.SendAsApp}: {@code grant_type=client_credentials}, client id, secret and
 * scope posted to the tenant's {@code /oauth2/v2.0/token}.
 */
final class ClientCredentialsGrant implements TokenGrant {

    private final TokenEndpoint endpoint;
    private final String clientId;
    private final String clientSecret;
    private final String scope;

    ClientCredentialsGrant(TokenEndpoint endpoint, String clientId, String clientSecret, String scope) {
        this.endpoint = endpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scope = scope;
    }

    @Override
    public IssuedToken request() throws TokenUnavailable {
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        form.put("scope", scope);
        return endpoint.post(form);
    }

    @Override
    public String describe() {
        return "client credentials, " + endpoint.url();
    }

    @Override
    public String toString() {
        return "ClientCredentialsGrant[" + clientId + ", " + endpoint.url() + "]";
    }
}
