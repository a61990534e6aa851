package se.planbot.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks an ID token as OpenID Connect Core §3.1.3.7 asks: the signature with a key from the
 * provider's JWKS (Nimbus fetches, caches and refetches on an unknown key id; asymmetric
 * algorithms only, never {@code none} or a shared secret), then issuer, audience (and
 * {@code azp} when there are several), expiry and issue time by Planbot's clock with one minute of
 * skew, and the nonce of this sign-in.
 */
final class IdTokenVerifier {

    static final Duration SKEW = Duration.ofMinutes(1);
    private static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String issuer;
    private final String clientId;
    private final Clock clock;

    IdTokenVerifier(ProviderMetadata provider, OidcSettings settings, Clock clock) throws ProviderUnavailable {
        this.issuer = provider.issuer();
        this.clientId = settings.clientId();
        this.clock = clock;
        int timeout = (int) settings.timeout().toMillis();
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.<SecurityContext>create(provider.jwksUri().toURL(),
                    new DefaultResourceRetriever(timeout, timeout, 512 * 1024)).build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new ProviderUnavailable("jwks_uri " + provider.jwksUri() + " is no URL", e);
        }
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms(provider.signingAlgorithms()), keys));
        // Claims are checked below, by Planbot's clock and with a reason for each refusal.
        processor.setJWTClaimsSetVerifier(null);
    }

    private static Set<JWSAlgorithm> algorithms(List<String> offered) {
        var accepted = new LinkedHashSet<JWSAlgorithm>();
        offered.stream().map(JWSAlgorithm::parse).filter(ASYMMETRIC::contains).forEach(accepted::add);
        return accepted.isEmpty() ? Set.of(JWSAlgorithm.RS256) : accepted;
    }

    JWTClaimsSet verify(String idToken, String nonce) throws SignInRefused, ProviderUnavailable {
        JWTClaimsSet claims;
        try {
            claims = processor.process(idToken, null);
        } catch (ParseException | BadJOSEException e) {
            throw new SignInRefused(Refusal.BAD_SIGNATURE, e.getMessage());
        } catch (JOSEException e) {
            throw new ProviderUnavailable("keys could not be fetched: " + e.getMessage(), e);
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw new SignInRefused(Refusal.WRONG_ISSUER, "iss " + claims.getIssuer());
        }
        List<String> audience = claims.getAudience();
        if (!audience.contains(clientId) || (audience.size() > 1 && !clientId.equals(claim(claims, "azp")))) {
            throw new SignInRefused(Refusal.WRONG_AUDIENCE, "aud " + audience);
        }
        Instant now = clock.instant();
        Date expiry = claims.getExpirationTime();
        Date issued = claims.getIssueTime();
        if (expiry == null || !now.isBefore(expiry.toInstant().plus(SKEW))) {
            throw new SignInRefused(Refusal.EXPIRED, "exp " + expiry);
        }
        if (issued == null || issued.toInstant().isAfter(now.plus(SKEW))) {
            throw new SignInRefused(Refusal.EXPIRED, "iat " + issued);
        }
        if (!nonce.equals(claim(claims, "nonce"))) {
            throw new SignInRefused(Refusal.WRONG_NONCE, "nonce does not match this sign-in");
        }
        return claims;
    }

    private static String claim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String text ? text : null;
    }
}
