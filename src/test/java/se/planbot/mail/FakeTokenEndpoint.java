package se.planbot.mail;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A local OAuth 2.0 token endpoint answering as Microsoft Entra ID ({@code /<tenant>/oauth2/v2.0/token},
 * client credentials) and Google ({@code /token}, a JWT bearer assertion signed by a service account)
 * do, success and error bodies in their real shapes. Remembers which tokens it issued, until when
 * (by the test's clock), and which it revoked, so a fake SMTP server can ask {@link #isValid}.
 */
public final class FakeTokenEndpoint implements AutoCloseable {

    public static final String TENANT = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

    private final HttpServer server;
    private final Clock clock;
    private final Map<String, Instant> issued = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final AtomicInteger counter = new AtomicInteger();
    /** Every form posted, in order. */
    public final Queue<Map<String, String>> requests = new ConcurrentLinkedQueue<>();
    public volatile String clientId = "6731de76-14a6-49ae-97bc-6eba6914391e";
    public volatile String clientSecret = "Xy8Q~secret.value~only-in-env";
    public volatile long expiresIn = 3599;
    /** Non-zero: answer every request with this status and an HTML error page (an outage). */
    public volatile int outageStatus;
    /** Google: the service account's public key and e-mail, to check the assertion. */
    public volatile RSAPublicKey serviceAccountKey;
    public volatile String serviceAccountEmail;
    /** Told every token as it is issued (e.g. to make it GreenMail's password). */
    public volatile Consumer<String> onIssued = token -> { };

    public FakeTokenEndpoint(Clock clock) throws IOException {
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String microsoftUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + TENANT + "/oauth2/v2.0/token";
    }

    public String googleUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    public boolean isValid(String token) {
        Instant expiry = issued.get(token);
        return expiry != null && !revoked.contains(token) && clock.instant().isBefore(expiry);
    }

    public void revokeAll() {
        revoked.addAll(issued.keySet());
    }

    public List<String> issuedTokens() {
        return List.copyOf(issued.keySet());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (outageStatus != 0) {
                answer(exchange, outageStatus, "text/html", "<html><body><h1>Service Unavailable</h1></body></html>");
                return;
            }
            var form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(form);
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/" + TENANT + "/oauth2/v2.0/token")) {
                microsoft(exchange, form);
            } else if (path.equals("/token")) {
                google(exchange, form);
            } else {
                answer(exchange, 404, "text/html", "<html>Not Found</html>");
            }
        }
    }

    private void microsoft(HttpExchange exchange, Map<String, String> form) throws IOException {
        if (!"client_credentials".equals(form.get("grant_type"))) {
            microsoftError(exchange, 400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type.", 70003);
        } else if (!clientId.equals(form.get("client_id"))) {
            microsoftError(exchange, 400, "unauthorized_client", "AADSTS700016: Application with identifier '"
                    + form.get("client_id") + "' was not found in the directory.", 700016);
        } else if (!clientSecret.equals(form.get("client_secret"))) {
            microsoftError(exchange, 401, "invalid_client", "AADSTS7000215: Invalid client secret provided. Ensure the secret"
                    + " being sent in the request is the client secret value, not the client secret ID.", 7000215);
        } else if (!"https://outlook.office365.com/.default".equals(form.get("scope"))) {
            microsoftError(exchange, 400, "invalid_scope", "AADSTS1002012: The provided value for scope "
                    + form.get("scope") + " is not valid.", 1002012);
        } else {
            String token = issue("eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.fake-outlook-" + counter.incrementAndGet());
            answer(exchange, 200, "application/json; charset=utf-8", "{\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
                    + ",\"ext_expires_in\":" + expiresIn + ",\"access_token\":\"" + token + "\"}");
        }
    }

    private void microsoftError(HttpExchange exchange, int status, String error, String description, int code) throws IOException {
        answer(exchange, status, "application/json; charset=utf-8", "{\"error\":\"" + error + "\",\"error_description\":\""
                + description + " Trace ID: 0f7ae4d3-5b0a-4a3e-9f0e-5c1e2a7b8c00 Correlation ID: 9a7e4b1c-2d3f-4e5a-8b6c-7d8e9f0a1b2c"
                + " Timestamp: 2026-12-01 07:00:00Z\",\"error_codes\":[" + code + "],\"timestamp\":\"2026-12-01 07:00:00Z\","
                + "\"trace_id\":\"0f7ae4d3-5b0a-4a3e-9f0e-5c1e2a7b8c00\",\"correlation_id\":\"9a7e4b1c-2d3f-4e5a-8b6c-7d8e9f0a1b2c\","
                + "\"error_uri\":\"https://login.microsoftonline.com/error?code=" + code + "\"}");
    }

    private void google(HttpExchange exchange, Map<String, String> form) throws IOException {
        if (!ServiceAccountGrant.GRANT_TYPE.equals(form.get("grant_type"))) {
            googleError(exchange, 400, "unsupported_grant_type", "Invalid grant_type: " + form.get("grant_type"));
            return;
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(form.getOrDefault("assertion", ""));
        } catch (ParseException e) {
            googleError(exchange, 400, "invalid_request", "Invalid JWT: Token must be a short-lived token and in a reasonable timeframe.");
            return;
        }
        try {
            var claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (!jwt.verify(new RSASSAVerifier(serviceAccountKey))) {
                googleError(exchange, 400, "invalid_grant", "Invalid JWT Signature.");
            } else if (!serviceAccountEmail.equals(claims.getIssuer())) {
                googleError(exchange, 401, "invalid_client", "The OAuth client was not found.");
            } else if (!claims.getAudience().contains(googleUrl()) || claims.getExpirationTime() == null
                    || !claims.getExpirationTime().toInstant().isAfter(now)
                    || claims.getIssueTime().toInstant().isAfter(now.plusSeconds(60))) {
                googleError(exchange, 400, "invalid_grant", "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.");
            } else if (!"https://mail.google.com/".equals(claims.getStringClaim("scope")) || claims.getSubject() == null) {
                googleError(exchange, 401, "unauthorized_client", "Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.");
            } else {
                String token = issue("ya29.c.fake-gmail-" + counter.incrementAndGet());
                answer(exchange, 200, "application/json; charset=utf-8", "{\n  \"access_token\": \"" + token
                        + "\",\n  \"expires_in\": " + expiresIn + ",\n  \"token_type\": \"Bearer\"\n}");
            }
        } catch (Exception e) {
            googleError(exchange, 400, "invalid_grant", "Invalid JWT Signature.");
        }
    }

    private void googleError(HttpExchange exchange, int status, String error, String description) throws IOException {
        answer(exchange, status, "application/json; charset=utf-8",
                "{\n  \"error\": \"" + error + "\",\n  \"error_description\": \"" + description + "\"\n}");
    }

    private String issue(String token) {
        issued.put(token, clock.instant().plusSeconds(expiresIn));
        onIssued.accept(token);
        return token;
    }

    private static Map<String, String> form(String body) {
        var form = new LinkedHashMap<String, String>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store, no-cache");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
