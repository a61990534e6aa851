package se.planbot.mail;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;

/**
 * Google Workspace: a service account with domain-wide delegation asks for a token for one mailbox
 * with a JWT it signs itself (RFC 7523 JWT bearer grant, RS256): {@code iss} the service account,
 * {@code sub} the sending mailbox, {@code scope}, {@code aud} the token endpoint, one hour at most.
 */
final class ServiceAccountGrant implements TokenGrant {

    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final Duration ASSERTION_LIFETIME = Duration.ofHours(1);

    private final TokenEndpoint endpoint;
    private final ServiceAccountKey key;
    private final String mailbox;
    private final String scope;
    private final Clock clock;

    ServiceAccountGrant(TokenEndpoint endpoint, ServiceAccountKey key, String mailbox, String scope, Clock clock) {
        this.endpoint = endpoint;
        this.key = key;
        this.mailbox = mailbox;
        this.scope = scope;
        this.clock = clock;
    }

    @Override
    public IssuedToken request() throws TokenUnavailable {
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", GRANT_TYPE);
        form.put("assertion", assertion());
        return endpoint.post(form);
    }

    private String assertion() throws TokenUnavailable {
        Instant now = clock.instant();
        var claims = new JWTClaimsSet.Builder()
                .issuer(key.clientEmail())
                .subject(mailbox)
                .audience(endpoint.url().toString())
                .claim("scope", scope)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
                .build();
        var header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT);
        if (!key.keyId().isBlank()) {
            header.keyID(key.keyId());
        }
        var jwt = new SignedJWT(header.build(), claims);
        try {
            jwt.sign(new RSASSASigner(key.privateKey()));
        } catch (JOSEException e) {
            throw new TokenUnavailable("Tjänstkontots nyckel kunde inte signera begäran om åtkomsttoken (smtp.oauth2.key-file)", e);
        }
        return jwt.serialize();
    }

    @Override
    public String describe() {
        return "service account " + key.clientEmail() + " for " + mailbox + ", " + endpoint.url();
    }
}
