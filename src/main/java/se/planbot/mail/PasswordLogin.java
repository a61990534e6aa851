package se.planbot.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import java.util.Optional;
import java.util.Properties;
import se.planbot.http.HealthCheck;

/** {@code smtp.auth=password}: a username and password (AUTH PLAIN/LOGIN), or no login when the username is empty. */
final class PasswordLogin implements SmtpLogin {

    private final String username;
    private final String password;

    PasswordLogin(String username, String password) {
        this.username = username;
        this.password = password;
    }

    @Override
    public void configure(Properties properties) {
        properties.put("mail.smtp.auth", String.valueOf(!username.isBlank()));
    }

    @Override
    public void connect(Transport transport, String host, int port) throws MessagingException {
        if (username.isBlank()) {
            transport.connect();
        } else {
            transport.connect(host, port, username, password);
        }
    }

    @Override
    public boolean renewAfterRefusal() {
        return false;
    }

    @Override
    public String whatToCheck() {
        return "smtp.username/smtp.password";
    }

    @Override
    public Optional<HealthCheck> health() {
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "PasswordLogin[" + username + "]";
    }
}
