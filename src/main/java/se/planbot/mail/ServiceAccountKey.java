package se.planbot.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import se.planbot.config.Config;
import se.planbot.config.ConfigException;

/**
 * A Google service account's JSON key file ({@code "type": "service_account"}, {@code client_email},
 * {@code private_key_id}, {@code private_key} as PKCS#8 PEM, {@code token_uri}), read once at start.
 * {@code toString} never shows the key.
 */
record ServiceAccountKey(String clientEmail, String keyId, RSAPrivateKey privateKey, String tokenUri) {

    private static final String KEY = "smtp.oauth2.key-file";

    static ServiceAccountKey read(Path file) {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw Config.invalid(KEY, file.toString(), "kan inte läsas som JSON-nyckelfil ("
                    + (Files.exists(file) ? "filen är ingen giltig JSON" : "filen finns inte") + ")");
        }
        if (json == null || !"service_account".equals(json.path("type").asText())) {
            throw Config.invalid(KEY, file.toString(), "är ingen nyckelfil för ett Google-tjänstkonto (\"type\": \"service_account\" saknas)");
        }
        String email = json.path("client_email").asText("");
        String pem = json.path("private_key").asText("");
        if (email.isBlank() || pem.isBlank()) {
            throw Config.invalid(KEY, file.toString(), "saknar client_email eller private_key");
        }
        return new ServiceAccountKey(email, json.path("private_key_id").asText(""), privateKey(file, pem),
                json.path("token_uri").asText(""));
    }

    private static RSAPrivateKey privateKey(Path file, String pem) {
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            throw new ConfigException("Ogiltig konfiguration: " + KEY + " = '" + file
                    + "': private_key är ingen RSA-nyckel i PKCS#8-form (-----BEGIN PRIVATE KEY-----)");
        }
    }

    @Override
    public String toString() {
        return "ServiceAccountKey[" + clientEmail + "]";
    }
}
