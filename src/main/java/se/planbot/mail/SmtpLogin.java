package se.planbot.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
import se.planbot.config.Config;
import se.planbot.outbox.SendFailure;
import se.planbot.http.HealthCheck;

/**
 * How {@link SmtpMailSender} logs in ({@code smtp.auth}): {@code password} with
 * {@code smtp.username}/{@code smtp.password} (or no login), or {@code oauth2} with an access token
 * over XOAUTH2 (Microsoft 365, Google Workspace).
 */
public interface SmtpLogin {

    static SmtpLogin from(Config config, MailSettings settings, Clock clock) {
        return switch (config.oneOf("smtp.auth", "password", "oauth2")) {
            case "oauth2" -> OAuth2Login.from(config, settings, clock);
            default -> new PasswordLogin(settings.username(), settings.password());
        };
    }

    /** Adds what this login needs to the mail session's properties. */
    void configure(Properties properties);

    /** Connects {@code transport} and logs in; a token that cannot be had is a temporary failure. */
    void connect(Transport transport, String host, int port) throws MessagingException, SendFailure;

    /** The server refused the login (535): true when fresh credentials are ready for one more try. */
    boolean renewAfterRefusal();

    /** What an administrator checks when the server keeps refusing the login (Swedish). */
    String whatToCheck();

    /** This login's part of /health, when it has something to say. */
    Optional<HealthCheck> health();
}
