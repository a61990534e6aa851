package se.planbot.oidc;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A local OpenID Connect provider in Microsoft Entra ID's shapes (v2.0 endpoints under a tenant):
 * discovery document, JWKS, an authorize endpoint that signs in {@link #user} at once and sends the
 * browser back with a code, and a token endpoint that checks the client secret, the redirect URI
 * and the PKCE verifier, redeems a code once and answers with an RS256-signed ID token. Knobs make
 * the ID token wrong in one way each (audience, issuer, age, signature, key, nonce).
 */
public final class FakeIdentityProvider implements AutoCloseable {

    public static final String TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";

    private final HttpServer server;
    private final Clock clock;
    private final RSAKey key;
    private final RSAKey strangerKey;
    private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
    /** Every authorization request's query, in order. */
    public final Queue<Map<String, String>> authorizeRequests = new ConcurrentLinkedQueue<>();
    /** Every token request's form, in order (with the Authorization header as "authorization"). */
    public final Queue<Map<String, String>> tokenRequests = new ConcurrentLinkedQueue<>();
    public volatile String clientId = "b4c0f2a1-7d3e-4e8f-9a6b-2c1d0e9f8a7b";
    public volatile String clientSecret = "oidc~client.secret~value";
    /** Who signs in at the authorize endpoint: claims added to the ID token. */
    public volatile Map<String, Object> user = Map.of("email", "Asa.Oberg@alingsas.se", "name", "Åsa Öberg",
            "preferred_username", "asa.oberg@alingsas.se");
    public volatile String audienceOverride;
    public volatile String issuerOverride;
    public volatile Duration age = Duration.ZERO;
    public volatile boolean tamperSignature;
    public volatile boolean signWithStrangerKey;
    public volatile String nonceOverride;
    /** Non-zero: every endpoint answers with this status (an outage). */
    public volatile int outageStatus;

    public FakeIdentityProvider(Clock clock) throws Exception {
        this.clock = clock;
        this.key = new RSAKeyGenerator(2048).keyID("kid-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE).generate();
        this.strangerKey = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + TENANT;
    }

    public String issuer() {
        return base() + "/v2.0";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (outageStatus != 0) {
                answer(exchange, outageStatus, "text/html", "<html><body>Service unavailable</body></html>");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String prefix = "/" + TENANT;
            switch (path.startsWith(prefix) ? path.substring(prefix.length()) : path) {
                case "/v2.0/.well-known/openid-configuration" -> answer(exchange, 200, "application/json", discovery());
                case "/discovery/v2.0/keys" -> answer(exchange, 200, "application/json",
                        new JWKSet(key.toPublicJWK()).toString());
                case "/oauth2/v2.0/authorize" -> authorize(exchange);
                case "/oauth2/v2.0/token" -> token(exchange);
                default -> answer(exchange, 404, "text/html", "<html>Not found</html>");
            }
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private String discovery() {
        String base = base();
        return "{\"token_endpoint\":\"" + base + "/oauth2/v2.0/token\","
                + "\"token_endpoint_auth_methods_supported\":[\"client_secret_post\",\"private_key_jwt\",\"client_secret_basic\"],"
                + "\"jwks_uri\":\"" + base + "/discovery/v2.0/keys\","
                + "\"response_modes_supported\":[\"query\",\"fragment\",\"form_post\"],"
                + "\"subject_types_supported\":[\"pairwise\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                + "\"response_types_supported\":[\"code\",\"id_token\",\"code id_token\",\"id_token token\"],"
                + "\"scopes_supported\":[\"openid\",\"profile\",\"email\",\"offline_access\"],"
                + "\"issuer\":\"" + issuer() + "\","
                + "\"request_uri_parameter_supported\":false,"
                + "\"userinfo_endpoint\":\"https://graph.microsoft.com/oidc/userinfo\","
                + "\"authorization_endpoint\":\"" + base + "/oauth2/v2.0/authorize\","
                + "\"device_authorization_endpoint\":\"" + base + "/oauth2/v2.0/devicecode\","
                + "\"http_logout_supported\":true,\"frontchannel_logout_supported\":true,"
                + "\"end_session_endpoint\":\"" + base + "/oauth2/v2.0/logout\","
                + "\"claims_supported\":[\"sub\",\"iss\",\"cloud_instance_name\",\"cloud_instance_host_name\",\"cloud_graph_host_name\","
                + "\"msgraph_host\",\"aud\",\"exp\",\"iat\",\"auth_time\",\"acr\",\"nonce\",\"preferred_username\",\"name\",\"tid\",\"ver\","
                + "\"at_hash\",\"c_hash\",\"email\"],"
                + "\"kerberos_endpoint\":\"" + base + "/kerberos\",\"tenant_region_scope\":\"EU\","
                + "\"cloud_instance_name\":\"microsoftonline.com\",\"cloud_graph_host_name\":\"graph.windows.net\","
                + "\"msgraph_host\":\"graph.microsoft.com\",\"rbac_url\":\"https://pas.windows.net\"}";
    }

    private void authorize(HttpExchange exchange) throws IOException {
        var query = form(exchange.getRequestURI().getRawQuery());
        authorizeRequests.add(query);
        String redirect = query.getOrDefault("redirect_uri", "");
        if (!clientId.equals(query.get("client_id"))) {
            answer(exchange, 400, "text/html", "<html>AADSTS700016: Application with identifier '" + query.get("client_id")
                    + "' was not found in the directory.</html>");
            return;
        }
        if (!"S256".equals(query.get("code_challenge_method")) || !"code".equals(query.get("response_type"))) {
            redirect(exchange, redirect + "?error=invalid_request&error_description=AADSTS9002325&state=" + query.get("state"));
            return;
        }
        String code = "0.AQ" + UUID.randomUUID().toString().replace("-", "");
        codes.put(code, query);
        redirect(exchange, redirect + "?code=" + code + "&state=" + encode(query.get("state"))
                + "&session_state=" + UUID.randomUUID());
    }

    private void token(HttpExchange exchange) throws Exception {
        var form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        var logged = new LinkedHashMap<>(form);
        if (authorization != null) {
            logged.put("authorization", authorization);
        }
        tokenRequests.add(logged);
        String secret = form.get("client_secret");
        String id = form.get("client_id");
        if (authorization != null && authorization.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8).split(":", 2);
            id = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
            secret = URLDecoder.decode(pair[1], StandardCharsets.UTF_8);
        }
        if (!clientId.equals(id) || !clientSecret.equals(secret)) {
            error(exchange, 401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
            return;
        }
        Map<String, String> request = codes.remove(form.getOrDefault("code", ""));
        if (request == null) {
            error(exchange, 400, "invalid_grant", "AADSTS54005: OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.");
            return;
        }
        if (!request.get("redirect_uri").equals(form.get("redirect_uri"))) {
            error(exchange, 400, "invalid_grant", "AADSTS500112: The reply address does not match the reply address provided when requesting Authorization code.");
            return;
        }
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(form.getOrDefault("code_verifier", "").getBytes(StandardCharsets.US_ASCII)));
        if (!challenge.equals(request.get("code_challenge"))) {
            error(exchange, 400, "invalid_grant", "AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.");
            return;
        }
        answer(exchange, 200, "application/json; charset=utf-8", "{\"token_type\":\"Bearer\",\"scope\":\"openid profile email\","
                + "\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\"eyJ0eXAiOiJKV1QiLCJub25jZSI6ImFjY2Vzcy1vbmx5In0.fake\","
                + "\"id_token\":\"" + idToken(request.get("nonce")) + "\"}");
    }

    private String idToken(String nonce) throws Exception {
        Instant issued = clock.instant().minus(age);
        var claims = new JWTClaimsSet.Builder()
                .audience(audienceOverride != null ? audienceOverride : clientId)
                .issuer(issuerOverride != null ? issuerOverride : issuer())
                .issueTime(Date.from(issued))
                .notBeforeTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(Duration.ofHours(1))))
                .subject("AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ")
                .claim("nonce", nonceOverride != null ? nonceOverride : nonce)
                .claim("oid", "00000000-0000-0000-66f3-3332eca7ea81")
                .claim("tid", TENANT)
                .claim("ver", "2.0")
                .claim("rh", "0.AX0A...");
        user.forEach(claims::claim);
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(),
                claims.build());
        jwt.sign(new RSASSASigner(signWithStrangerKey ? strangerKey : key));
        String serialized = jwt.serialize();
        if (tamperSignature) {
            // Change the payload after signing: the signature no longer covers it.
            String[] parts = serialized.split("\\.");
            var payload = claims.claim("email", "koordinator@alingsas.se").build().toString();
            parts[1] = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
            serialized = String.join(".", parts);
        }
        return serialized;
    }

    private static void error(HttpExchange exchange, int status, String error, String description) throws IOException {
        answer(exchange, status, "application/json; charset=utf-8", "{\"error\":\"" + error + "\",\"error_description\":\""
                + description + " Trace ID: 1b2c Correlation ID: 3d4e Timestamp: 2026-12-01 07:00:00Z\",\"error_codes\":[0],"
                + "\"timestamp\":\"2026-12-01 07:00:00Z\",\"trace_id\":\"1b2c\",\"correlation_id\":\"3d4e\"}");
    }

    private static Map<String, String> form(String body) {
        var form = new LinkedHashMap<String, String>();
        if (body == null) {
            return form;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
