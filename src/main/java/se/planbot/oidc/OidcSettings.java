package se.planbot.oidc;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import se.planbot.config.Config;

/**
 * {@code auth.oidc.*}: sign-in to the console through the municipality's identity provider. Off
 * while {@code auth.oidc.issuer} is empty. The client secret comes from the environment only.
 *
 * @param claims the ID token claims tried in order for the person's e-mail address
 */
public record OidcSettings(URI issuer, String clientId, String clientSecret, List<String> claims, URI redirectUri,
        Duration timeout) {

    public static final String CALLBACK_PATH = "/admin/login/oidc/callback";
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    public static Optional<OidcSettings> from(Config config) {
        Optional<String> issuer = config.optional("auth.oidc.issuer");
        if (issuer.isEmpty()) {
            return Optional.empty();
        }
        String secret = config.optional("auth.oidc.client-secret").orElseThrow(() -> Config.invalid(
                "auth.oidc.client-secret", "", "saknas: sätt miljövariabeln " + Config.environmentName("auth.oidc.client-secret")
                        + " till appregistreringens klienthemlighet"));
        List<String> claims = Arrays.stream(config.required("auth.oidc.claim").split(",")).map(String::trim)
                .filter(claim -> !claim.isEmpty()).toList();
        return Optional.of(new OidcSettings(issuer(issuer.get()), config.required("auth.oidc.client-id"), secret, claims,
                URI.create(config.baseUrl("public.base-url") + CALLBACK_PATH), Duration.ofSeconds(10)));
    }

    /** https, or http only on this machine (a local test provider). No trailing slash is added or removed. */
    private static URI issuer(String value) {
        try {
            URI uri = new URI(value);
            boolean https = "https".equals(uri.getScheme());
            boolean local = "http".equals(uri.getScheme()) && LOOPBACK.contains(uri.getHost());
            if ((https || local) && uri.getHost() != null && uri.getQuery() == null && uri.getFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw Config.invalid("auth.oidc.issuer", value, "ska vara identitetsleverantörens https-adress, för Entra ID "
                + "https://login.microsoftonline.com/<katalog-id>/v2.0");
    }

    /** The issuer's discovery document (OpenID Connect Discovery §4). */
    URI discoveryUri() {
        String base = issuer.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/.well-known/openid-configuration");
    }

    @Override
    public String toString() {
        return "OidcSettings[" + issuer + ", " + clientId + "]";
    }
}
