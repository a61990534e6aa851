package se.planbot.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An OAuth 2.0 token endpoint (RFC 6749 §5): a form POST answered by {@code access_token} and
 * {@code expires_in}, or by {@code error} (Microsoft adds an {@code AADSTS} code to
 * {@code error_description}). Every failure becomes a Swedish {@link TokenUnavailable} naming the
 * setting to look at; the provider's own code is kept so it can be looked up.
 */
final class TokenEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MICROSOFT_CODE = Pattern.compile("AADSTS\\d+");

    private final URI url;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    TokenEndpoint(URI url, Duration timeout, Clock clock) {
        this.url = url;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    URI url() {
        return url;
    }

    IssuedToken post(Map<String, String> form) throws TokenUnavailable {
        String body = form.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        Instant asked = clock.instant();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TokenUnavailable("Tokentjänsten " + url + " svarar inte (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenUnavailable("Hämtningen av åtkomsttoken från " + url + " avbröts", e);
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() >= 500 || (answer == null && response.statusCode() != 200)) {
            throw new TokenUnavailable("Tokentjänsten " + url + " är inte tillgänglig just nu (HTTP " + response.statusCode() + ")", null);
        }
        if (response.statusCode() != 200 || answer.hasNonNull("error")) {
            throw refused(response.statusCode(), answer);
        }
        return token(answer, asked);
    }

    private IssuedToken token(JsonNode answer, Instant asked) throws TokenUnavailable {
        String token = answer.path("access_token").asText("");
        long expiresIn = answer.path("expires_in").asLong(0);
        String type = answer.path("token_type").asText("Bearer");
        if (token.isBlank() || expiresIn <= 0 || !"bearer".equals(type.toLowerCase(Locale.ROOT))) {
            throw new TokenUnavailable("Tokentjänsten " + url + " svarade utan användbar åtkomsttoken"
                    + " (access_token, expires_in och token_type Bearer krävs)", null);
        }
        // From when we asked, not when the answer came: the token is never thought younger than it is.
        return new IssuedToken(token, asked, asked.plusSeconds(expiresIn));
    }

    private TokenUnavailable refused(int status, JsonNode answer) {
        String error = answer.path("error").asText("");
        String description = answer.path("error_description").asText("");
        Matcher microsoft = MICROSOFT_CODE.matcher(description);
        String code = microsoft.find() ? error + ", " + microsoft.group() : error;
        String why = switch (error) {
            case "invalid_client" -> "klient-id eller klienthemlighet godtogs inte (smtp.oauth2.client-id, "
                    + "PLANBOT_SMTP_OAUTH2_CLIENT_SECRET; har hemligheten gått ut?)";
            case "invalid_scope" -> "scope godtogs inte (smtp.oauth2.scope)";
            case "unauthorized_client" -> "appen får inte hämta token på det här sättet (för Google: domänövergripande "
                    + "delegering med scope https://mail.google.com/ i Admin Console)";
            case "invalid_grant" -> "begäran godtogs inte (för Google: stämmer nyckelfilen, datorns klocka och postlådan i smtp.username?)";
            case "invalid_request" -> "begäran saknar något som tjänsten kräver (smtp.oauth2.token-url, smtp.oauth2.client-id)";
            default -> "begäran nekades";
        };
        return new TokenUnavailable("Tokentjänsten " + url + " nekade åtkomsttoken (HTTP " + status
                + (code.isBlank() ? "" : ", " + code) + "): " + why, null);
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
