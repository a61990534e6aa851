package se.planbot.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import se.planbot.config.Config;
import se.planbot.outbox.SendFailure;
import se.planbot.http.HealthCheck;

/**
 * {@code smtp.auth=oauth2}: the mailbox logs in with AUTH XOAUTH2 and an access token. Two flows:
 * client credentials with a client secret (Microsoft 365, any RFC 6749 token endpoint), or a Google
 * service-account key file (JWT bearer, domain-wide delegation). A token endpoint that cannot give
 * a token makes the send a temporary failure, retried like an SMTP outage.
 */
final class OAuth2Login implements SmtpLogin {

    static final Map<String, String> SCOPE_PRESETS = Map.of(
            "microsoft365", "https://outlook.office365.com/.default",
            "google", "https://mail.google.com/");
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    private final String mailbox;
    private final AccessTokens tokens;

    OAuth2Login(String mailbox, AccessTokens tokens) {
        this.mailbox = mailbox;
        this.tokens = tokens;
    }

    static OAuth2Login from(Config config, MailSettings settings, Clock clock) {
        if (!settings.password().isEmpty()) {
            throw Config.invalid("smtp.password", "***", "används inte med smtp.auth=oauth2: töm den (Planbot loggar in med åtkomsttoken)");
        }
        String mailbox = settings.username().isBlank() ? settings.from().getAddress() : settings.username();
        String scopeSetting = config.required("smtp.oauth2.scope");
        String scope = SCOPE_PRESETS.getOrDefault(scopeSetting, scopeSetting);
        TokenGrant grant = config.optional("smtp.oauth2.key-file")
                .map(file -> serviceAccount(config, settings, mailbox, scopeSetting, scope, clock))
                .orElseGet(() -> clientCredentials(config, settings, scope, clock));
        return new OAuth2Login(mailbox, new AccessTokens(grant, clock));
    }

    private static TokenGrant clientCredentials(Config config, MailSettings settings, String scope, Clock clock) {
        URI tokenUrl = tokenUrl(config.optional("smtp.oauth2.token-url").orElseThrow(() -> Config.invalid(
                "smtp.oauth2.token-url", "", "behövs med smtp.auth=oauth2, t.ex. "
                        + "https://login.microsoftonline.com/<katalog-id>/oauth2/v2.0/token")));
        String clientId = config.required("smtp.oauth2.client-id");
        String secret = config.optional("smtp.oauth2.client-secret").orElseThrow(() -> Config.invalid(
                "smtp.oauth2.client-secret", "", "saknas: sätt miljövariabeln "
                        + Config.environmentName("smtp.oauth2.client-secret") + " till appregistreringens klienthemlighet"));
        return new ClientCredentialsGrant(new TokenEndpoint(tokenUrl, settings.timeout(), clock), clientId, secret, scope);
    }

    private static TokenGrant serviceAccount(Config config, MailSettings settings, String mailbox, String scopeSetting,
            String scope, Clock clock) {
        if ("microsoft365".equals(scopeSetting)) {
            throw Config.invalid("smtp.oauth2.scope", scopeSetting, "passar inte ett Google-tjänstkonto (smtp.oauth2.key-file): använd google");
        }
        for (String unused : new String[] {"smtp.oauth2.client-id", "smtp.oauth2.client-secret"}) {
            if (config.optional(unused).isPresent()) {
                throw Config.invalid(unused, "***", "används inte med smtp.oauth2.key-file: töm den");
            }
        }
        var key = ServiceAccountKey.read(config.path("smtp.oauth2.key-file"));
        String url = config.optional("smtp.oauth2.token-url").orElse(key.tokenUri());
        if (url.isBlank()) {
            throw Config.invalid("smtp.oauth2.token-url", "", "saknas och nyckelfilen har ingen token_uri: "
                    + "sätt https://oauth2.googleapis.com/token");
        }
        return new ServiceAccountGrant(new TokenEndpoint(tokenUrl(url), settings.timeout(), clock), key, mailbox, scope, clock);
    }

    /** https, or http only on this machine (a local test endpoint): the secret travels in the request. */
    private static URI tokenUrl(String value) {
        try {
            URI uri = new URI(value);
            boolean https = "https".equals(uri.getScheme());
            boolean local = "http".equals(uri.getScheme()) && LOOPBACK.contains(uri.getHost());
            if ((https || local) && uri.getHost() != null && uri.getFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw Config.invalid("smtp.oauth2.token-url", value, "ska vara en https-adress, t.ex. "
                + "https://login.microsoftonline.com/<katalog-id>/oauth2/v2.0/token");
    }

    @Override
    public void configure(Properties properties) {
        properties.put("mail.smtp.auth", "true");
        properties.put("mail.smtp.auth.mechanisms", "XOAUTH2");
    }

    @Override
    public void connect(Transport transport, String host, int port) throws MessagingException, SendFailure {
        String token;
        try {
            token = tokens.current();
        } catch (TokenUnavailable e) {
            throw SendFailure.temporary(e.getMessage(), e);
        }
        transport.connect(host, port, mailbox, token);
    }

    @Override
    public boolean renewAfterRefusal() {
        tokens.discard();
        return true;
    }

    @Override
    public String whatToCheck() {
        return "åtkomsttoken för " + mailbox + " (XOAUTH2): har appen SMTP.SendAsApp och rätt till postlådan?";
    }

    @Override
    public Optional<HealthCheck> health() {
        return Optional.of(new HealthCheck() {
            @Override
            public String name() {
                return "smtpLogin";
            }

            @Override
            public Map<String, Object> status() {
                var token = tokens.status();
                var status = new LinkedHashMap<String, Object>();
                status.put("ok", token.get("tokenAvailable"));
                status.put("auth", "oauth2");
                status.put("mailbox", mailbox);
                status.putAll(token);
                return status;
            }
        });
    }

    @Override
    public String toString() {
        return "OAuth2Login[" + mailbox + "]";
    }
}
