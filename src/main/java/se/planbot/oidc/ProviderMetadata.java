package se.planbot.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * What the identity provider's discovery document says about it (OpenID Connect Discovery 1.0):
 * where to send the browser, where to fetch tokens and keys, and which algorithms it signs with.
 */
record ProviderMetadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri,
        List<String> signingAlgorithms, List<String> tokenAuthMethods) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the document; its {@code issuer} must be exactly the configured one (Discovery §4.3). */
    static ProviderMetadata discover(OidcSettings settings, HttpClient http) throws ProviderUnavailable {
        URI where = settings.discoveryUri();
        JsonNode document;
        try {
            var response = http.send(HttpRequest.newBuilder(where).timeout(settings.timeout())
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new ProviderUnavailable("discovery " + where + " answered HTTP " + response.statusCode(), null);
            }
            document = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ProviderUnavailable("discovery " + where + " failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable("discovery interrupted", e);
        }
        String issuer = document == null ? "" : document.path("issuer").asText("");
        if (!issuer.equals(settings.issuer().toString())) {
            throw new ProviderUnavailable("discovery document at " + where + " names issuer '" + issuer
                    + "', not the configured " + settings.issuer(), null);
        }
        try {
            return new ProviderMetadata(issuer,
                    URI.create(document.path("authorization_endpoint").asText()),
                    URI.create(document.path("token_endpoint").asText()),
                    URI.create(document.path("jwks_uri").asText()),
                    strings(document.path("id_token_signing_alg_values_supported")),
                    strings(document.path("token_endpoint_auth_methods_supported")));
        } catch (IllegalArgumentException e) {
            throw new ProviderUnavailable("discovery document at " + where + " lacks an endpoint", e);
        }
    }

    private static List<String> strings(JsonNode array) {
        var values = new ArrayList<String>();
        array.forEach(value -> values.add(value.asText()));
        return List.copyOf(values);
    }

    /** client_secret_basic is the default when the provider lists nothing (Discovery §3). */
    boolean prefersSecretInForm() {
        return !tokenAuthMethods.isEmpty() && !tokenAuthMethods.contains("client_secret_basic")
                && tokenAuthMethods.contains("client_secret_post");
    }
}
