package se.planbot.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import se.planbot.Fixtures;
import se.planbot.TestClock;
import se.planbot.config.Config;
import se.planbot.outbox.Channel;
import se.planbot.outbox.QueuedMessage;
import se.planbot.outbox.SendFailure;

/**
 * SMTP with OAuth 2.0 (XOAUTH2) against local fakes in the real shapes: Microsoft's and Google's
 * token endpoints, GreenMail's XOAUTH2, and an Exchange-like server that refuses Basic auth and
 * takes only a token that is current by the test's clock.
 */
class SmtpOAuth2Test {

    static final String MAILBOX = "planbot@alingsas.se";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(MAILBOX, "no token yet"));

    @TempDir
    Path folder;

    private final TestClock clock = TestClock.at("2026-12-01T08:00");
    private FakeTokenEndpoint tokens;
    private OAuthOnlySmtpServer exchange;
    private final Logger planbotLogger = (Logger) LoggerFactory.getLogger("se.planbot");

    @AfterEach
    void stop() throws Exception {
        planbotLogger.detachAndStopAllAppenders();
        planbotLogger.setLevel(null);
        if (tokens != null) {
            tokens.close();
        }
        if (exchange != null) {
            exchange.close();
        }
    }

    /** The configuration README gives for Microsoft 365, pointed at the local fakes. */
    static Map<String, String> microsoft365(FakeTokenEndpoint tokens, int smtpPort) {
        var values = new HashMap<String, String>();
        values.put("mail.transport", "smtp");
        values.put("mail.from", "Planbot <" + MAILBOX + ">");
        values.put("smtp.host", "127.0.0.1");
        values.put("smtp.port", String.valueOf(smtpPort));
        values.put("smtp.timeout-seconds", "5");
        values.put("smtp.auth", "oauth2");
        values.put("smtp.oauth2.token-url", tokens.microsoftUrl());
        values.put("smtp.oauth2.client-id", tokens.clientId);
        values.put("smtp.oauth2.client-secret", tokens.clientSecret);
        return values;
    }

    private SmtpMailSender sender(Map<String, String> values) {
        Config config = Fixtures.config(folder, values);
        var settings = MailSettings.from(config);
        var login = SmtpLogin.from(config, settings, clock);
        return new SmtpMailSender(settings, new MailComposer(new MailTemplates(Path.of("templates")), settings, clock), login);
    }

    private static QueuedMessage message() {
        return new QueuedMessage(7, "test:7", Channel.EMAIL, "asa@example.se", "Åsa", "reminder",
                Map.of("personName", "Åsa", "date", "2026-12-01", "items", List.of()), Locale.forLanguageTag("sv"), 0,
                Instant.parse("2026-12-01T07:00:00Z"));
    }

    /** One message in its own batch (a new connection, so a new login). */
    private static void sendOne(SmtpMailSender sender) throws SendFailure {
        try {
            sender.send(message());
        } finally {
            sender.close();
        }
    }

    private OAuthOnlySmtpServer exchangeOnline(boolean googleStyle) throws Exception {
        exchange = new OAuthOnlySmtpServer((user, token) -> user.equals(MAILBOX) && tokens.isValid(token), googleStyle);
        return exchange;
    }

    @Test
    void microsoft_365_client_credentials_log_in_over_xoauth2_at_greenmail() throws Exception {
        tokens = new FakeTokenEndpoint(clock);
        // GreenMail checks an XOAUTH2 token against the user's password: the newest token is the password.
        tokens.onIssued = token -> greenMail.getUserManager().getUser(MAILBOX).setPassword(token);
        var sender = sender(microsoft365(tokens, greenMail.getSmtp().getPort()));

        sendOne(sender);
        sendOne(sender);

        assertThat(greenMail.getReceivedMessages()).hasSize(2);
        assertThat(tokens.requests).hasSize(1);
        assertThat(tokens.requests.peek()).containsEntry("grant_type", "client_credentials")
                .containsEntry("client_id", tokens.clientId)
                .containsEntry("client_secret", tokens.clientSecret)
                .containsEntry("scope", "https://outlook.office365.com/.default");
    }

    @Test
    void a_server_that_refuses_basic_auth_keeps_taking_mail_across_token_expiry() throws Exception {
        tokens = new FakeTokenEndpoint(clock);
        var server = exchangeOnline(false);
        var sender = sender(microsoft365(tokens, server.port()));

        sendOne(sender);
        clock.advance(Duration.ofMinutes(50));
        sendOne(sender);
        assertThat(tokens.requests).as("the token is kept while it is valid for more than five minutes").hasSize(1);
        clock.advance(Duration.ofMinutes(5));
        sendOne(sender);
        clock.advance(Duration.ofMinutes(10));
        sendOne(sender);

        assertThat(server.messages.get()).isEqualTo(4);
        assertThat(tokens.requests).as("renewed shortly before it expired").hasSize(2);
        assertThat(server.xoauth2Attempts.get()).as("no login was refused").isEqualTo(4);
        assertThat(server.basicAttempts.get()).isZero();
    }

    @Test
    void the_fake_exchange_really_refuses_a_password_login() throws Exception {
        tokens = new FakeTokenEndpoint(clock);
        var server = exchangeOnline(false);
        var sender = sender(Map.of("mail.transport", "smtp", "smtp.host", "127.0.0.1", "smtp.port",
                String.valueOf(server.port()), "smtp.username", MAILBOX, "smtp.password", "Sommar2026!"));

        assertThatThrownBy(() -> sendOne(sender)).isInstanceOf(SendFailure.class)
                .hasMessageContaining("godtog inte inloggningen (smtp.username/smtp.password)");
        assertThat(server.basicAttempts.get()).isEqualTo(1);
        assertThat(server.messages.get()).isZero();
    }

    @Test
    void a_token_the_server_refuses_is_renewed_once_and_the_message_goes_out() throws Exception {
        tokens = new FakeTokenEndpoint(clock);
        var server = exchangeOnline(false);
        var sender = sender(microsoft365(tokens, server.port()));
        var log = captureLog();

        sendOne(sender);
        tokens.revokeAll();
        sendOne(sender);

        assertThat(server.messages.get()).isEqualTo(2);
        assertThat(tokens.requests).hasSize(2);
        assertThat(server.xoauth2Attempts.get()).isEqualTo(3);
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.contains("refused the login"))
                .noneMatch(line -> tokens.issuedTokens().stream().anyMatch(line::contains))
                .noneMatch(line -> line.contains(tokens.clientSecret));
    }

    @Test
    void a_server_that_keeps_refusing_the_token_is_a_temporary_failure_after_one_renewal() throws Exception {
        tokens = new FakeTokenEndpoint(clock);
        exchange = new OAuthOnlySmtpServer((user, token) -> false, true);
        var sender = sender(microsoft365(tokens, exchange.port()));

        assertThatThrownBy(() -> sendOne(sender)).isInstanceOf(SendFailure.class)
                .matches(failure -> !((SendFailure) failure).isPermanent())
                .hasMessageContaining("godtog inte inloggningen")
                .hasMessageContaining("SMTP.SendAsApp");
        assertThat(tokens.requests).as("one renewal, not a loop").hasSize(2);
        assertThat(exchange.xoauth2Attempts.get()).isEqualTo(2);
    }

    @Test
    void a_refused_client_secret_is_a_temporary_failure_that_names_the_setting_but_not_the_secret() throws Exception {
        tokens = new FakeTokenEndpoint(clock);
        var server = exchangeOnline(false);
        var values = microsoft365(tokens, server.port());
        values.put("smtp.oauth2.client-secret", "an~old.expired~secret");
        var sender = sender(values);

        assertThatThrownBy(() -> sendOne(sender)).isInstanceOf(SendFailure.class)
                .matches(failure -> !((SendFailure) failure).isPermanent())
                .hasMessageContaining("nekade åtkomsttoken (HTTP 401, invalid_client, AADSTS7000215)")
                .hasMessageContaining("PLANBOT_SMTP_OAUTH2_CLIENT_SECRET")
                .hasMessageNotContaining("an~old.expired~secret")
                .hasMessageNotContaining("Invalid client secret");
        assertThat(server.xoauth2Attempts.get()).as("no SMTP login without a token").isZero();
    }

    @Test
    void a_token_endpoint_that_is_down_or_gone_is_a_temporary_failure() throws Exception {
        tokens = new FakeTokenEndpoint(clock);
        var server = exchangeOnline(false);
        var values = microsoft365(tokens, server.port());
        var sender = sender(values);
        tokens.outageStatus = 503;

        assertThatThrownBy(() -> sendOne(sender)).isInstanceOf(SendFailure.class)
                .matches(failure -> !((SendFailure) failure).isPermanent())
                .hasMessageContaining("inte tillgänglig just nu (HTTP 503)");
        tokens.outageStatus = 0;
        sendOne(sender);
        assertThat(server.messages.get()).isEqualTo(1);

        String url = tokens.microsoftUrl();
        tokens.close();
        values.put("smtp.oauth2.token-url", url);
        var gone = sender(values);
        assertThatThrownBy(() -> sendOne(gone)).isInstanceOf(SendFailure.class)
                .matches(failure -> !((SendFailure) failure).isPermanent())
                .hasMessageContaining("svarar inte");
        tokens = null;
    }

    @Test
    void google_workspace_signs_a_jwt_for_the_mailbox_with_the_service_account_key() throws Exception {
        tokens = new FakeTokenEndpoint(clock);
        KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        tokens.serviceAccountKey = (RSAPublicKey) keys.getPublic();
        tokens.serviceAccountEmail = "planbot-smtp@planbot-alingsas.iam.gserviceaccount.com";
        Path keyFile = serviceAccountKeyFile(keys, tokens.serviceAccountEmail, tokens.googleUrl());
        var server = exchangeOnline(true);
        var values = new HashMap<String, String>(Map.of("mail.transport", "smtp", "mail.from", "Planbot <" + MAILBOX + ">",
                "smtp.host", "127.0.0.1", "smtp.port", String.valueOf(server.port()), "smtp.auth", "oauth2",
                "smtp.oauth2.scope", "google", "smtp.oauth2.key-file", keyFile.toString()));

        sendOne(sender(values));

        assertThat(server.messages.get()).isEqualTo(1);
        assertThat(server.loggedIn).containsExactly(MAILBOX);
        assertThat(tokens.requests.peek()).containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")
                .containsKey("assertion");

        KeyPair stranger = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        values.put("smtp.oauth2.key-file", serviceAccountKeyFile(stranger, tokens.serviceAccountEmail, tokens.googleUrl()).toString());
        assertThatThrownBy(() -> sendOne(sender(values))).isInstanceOf(SendFailure.class)
                .hasMessageContaining("(HTTP 400, invalid_grant)");
    }

    /** A key file in the shape Google Cloud's console downloads. */
    static Path serviceAccountKeyFile(KeyPair keys, String email, String tokenUri) throws Exception {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        String json = "{\n  \"type\": \"service_account\",\n  \"project_id\": \"planbot-alingsas\",\n"
                + "  \"private_key_id\": \"1f3e5a7c9b2d4f6e8a0c1e3f5a7b9c2d4e6f8a0b\",\n"
                + "  \"private_key\": \"" + pem.replace("\n", "\\n") + "\",\n"
                + "  \"client_email\": \"" + email + "\",\n  \"client_id\": \"104857392017364829105\",\n"
                + "  \"auth_uri\": \"https://accounts.google.com/o/oauth2/auth\",\n  \"token_uri\": \"" + tokenUri + "\",\n"
                + "  \"universe_domain\": \"googleapis.com\"\n}\n";
        Path file = Files.createTempFile("service-account", ".json");
        Files.writeString(file, json);
        file.toFile().deleteOnExit();
        return file;
    }

    /** Everything Planbot logs from here on, down to DEBUG (tests log only warnings otherwise). */
    private ListAppender<ILoggingEvent> captureLog() {
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        planbotLogger.setLevel(Level.DEBUG);
        planbotLogger.addAppender(appender);
        return appender;
    }
}
