package se.planbot.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planbot.config.Config;
import se.planbot.db.Database;
import se.planbot.plan.Person;
import se.planbot.plan.PlanService;

/**
 * Sign-in through the municipality's identity provider: the OpenID Connect authorization code flow
 * with PKCE (S256), state and nonce. {@link #begin()} stores the request (state hashed, bound to
 * the browser by a cookie secret) and gives the provider's address to send the browser to;
 * {@link #finish} takes the request back once, exchanges the code, checks the ID token and maps the
 * e-mail claim to a person in the people table. Nobody else gets in.
 */
public final class OidcSignIn {

    private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration REQUEST_LIFETIME = Duration.ofMinutes(10);

    /** Where to send the browser, and the secret for the cookie that binds the callback to this browser. */
    public record Start(URI redirect, String browserSecret) {
        @Override
        public String toString() {
            return "Start[" + redirect.getHost() + "]";
        }
    }

    private final OidcSettings settings;
    private final Database database;
    private final PlanService plan;
    private final Clock clock;
    private final HttpClient http;
    private final PendingLogins pending = new PendingLogins();
    private ProviderMetadata provider;
    private IdTokenVerifier verifier;

    /** The identity provider's sign-in when {@code auth.oidc.issuer} is set; refuses a configuration with no way in. */
    public static Optional<OidcSignIn> from(Config config, Database database, PlanService plan, Clock clock) {
        Optional<OidcSettings> settings = OidcSettings.from(config);
        if (settings.isEmpty() && !config.bool("auth.mail-link")) {
            throw Config.invalid("auth.mail-link", "false", "stänger den enda vägen in i konsolen: sätt auth.oidc.issuer "
                    + "eller låt auth.mail-link vara true");
        }
        return settings.map(oidc -> new OidcSignIn(oidc, database, plan, clock));
    }

    public OidcSignIn(OidcSettings settings, Database database, PlanService plan, Clock clock) {
        this.settings = settings;
        this.database = database;
        this.plan = plan;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Start begin() throws SignInRefused {
        ProviderMetadata metadata = provider();
        String state = Randoms.next();
        String nonce = Randoms.next();
        String codeVerifier = Randoms.next();
        String browserSecret = Randoms.next();
        Instant now = clock.instant();
        database.write(connection -> {
            pending.insert(connection, Randoms.sha256(state), Randoms.sha256(browserSecret), codeVerifier, nonce, now,
                    now.plus(REQUEST_LIFETIME));
            return null;
        });
        var query = new LinkedHashMap<String, String>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", settings.redirectUri().toString());
        query.put("scope", "openid email profile");
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", Randoms.sha256(codeVerifier));
        query.put("code_challenge_method", "S256");
        String endpoint = metadata.authorizationEndpoint().toString();
        return new Start(URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + form(query)), browserSecret);
    }

    /**
     * The callback: the provider's {@code code} and {@code state} (or {@code error}) and the browser's
     * cookie secret. Returns the person to begin a session for.
     */
    public Person finish(String state, String code, String error, String browserSecret) throws SignInRefused {
        if (state == null || state.isBlank()) {
            throw new SignInRefused(Refusal.STALE_STATE, "no state");
        }
        Optional<PendingLogins.Pending> request = database.write(connection -> pending.take(connection, Randoms.sha256(state)));
        if (request.isEmpty() || !request.get().expiresAt().isAfter(clock.instant())) {
            throw new SignInRefused(Refusal.STALE_STATE, request.isEmpty() ? "unknown or used state" : "state expired");
        }
        if (browserSecret == null || !Randoms.same(Randoms.sha256(browserSecret), request.get().browserHash())) {
            throw new SignInRefused(Refusal.STALE_STATE, "state came back to another browser");
        }
        if (error != null && !error.isBlank()) {
            throw new SignInRefused(Refusal.PROVIDER_ERROR, "provider answered error=" + error);
        }
        if (code == null || code.isBlank()) {
            throw new SignInRefused(Refusal.PROVIDER_ERROR, "no code");
        }
        JWTClaimsSet claims;
        try {
            claims = verifier().verify(exchange(code, request.get().codeVerifier()), request.get().nonce());
        } catch (ProviderUnavailable e) {
            log.warn("Sign-in through {} failed: {}", settings.issuer(), e.getMessage());
            throw new SignInRefused(Refusal.PROVIDER_UNAVAILABLE, e.getMessage());
        }
        String address = address(claims);
        Person person = plan.personByEmail(address).orElseThrow(() ->
                new SignInRefused(Refusal.UNKNOWN_PERSON, "no person with the address of subject " + claims.getSubject(), address));
        log.info("Person {} signed in through {}", person.id(), settings.issuer());
        return person;
    }

    private String address(JWTClaimsSet claims) throws SignInRefused {
        for (String name : settings.claims()) {
            if (claims.getClaim(name) instanceof String value && value.contains("@")) {
                return value.trim();
            }
        }
        throw new SignInRefused(Refusal.NO_EMAIL, "none of " + settings.claims() + " in the ID token");
    }

    /** The authorization code for tokens (with the PKCE verifier); returns the ID token. */
    private String exchange(String code, String codeVerifier) throws ProviderUnavailable, SignInRefused {
        ProviderMetadata metadata = metadata();
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", settings.redirectUri().toString());
        form.put("code_verifier", codeVerifier);
        form.put("client_id", settings.clientId());
        var request = HttpRequest.newBuilder(metadata.tokenEndpoint()).timeout(settings.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
        if (metadata.prefersSecretInForm()) {
            form.put("client_secret", settings.clientSecret());
        } else {
            String pair = encode(settings.clientId()) + ":" + encode(settings.clientSecret());
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(form(form))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderUnavailable("token endpoint failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable("token request interrupted", e);
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            answer = null;
        }
        if (response.statusCode() >= 500 || answer == null || !answer.isObject()) {
            throw new ProviderUnavailable("token endpoint answered HTTP " + response.statusCode(), null);
        }
        if (response.statusCode() != 200 || !answer.hasNonNull("id_token")) {
            throw new SignInRefused(Refusal.PROVIDER_ERROR, "token endpoint refused the code: HTTP " + response.statusCode()
                    + " " + answer.path("error").asText("no id_token"));
        }
        return answer.get("id_token").asText();
    }

    private synchronized ProviderMetadata provider() throws SignInRefused {
        try {
            return metadata();
        } catch (ProviderUnavailable e) {
            log.warn("Identity provider {} unavailable: {}", settings.issuer(), e.getMessage());
            throw new SignInRefused(Refusal.PROVIDER_UNAVAILABLE, e.getMessage());
        }
    }

    /** Discovery once it has worked; until then every sign-in tries again. */
    private synchronized ProviderMetadata metadata() throws ProviderUnavailable {
        if (provider == null) {
            provider = ProviderMetadata.discover(settings, http);
        }
        return provider;
    }

    private synchronized IdTokenVerifier verifier() throws ProviderUnavailable {
        if (verifier == null) {
            verifier = new IdTokenVerifier(metadata(), settings, clock);
        }
        return verifier;
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream().map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
