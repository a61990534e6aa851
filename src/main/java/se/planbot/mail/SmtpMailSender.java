package se.planbot.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.net.SocketTimeoutException;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planbot.outbox.Channel;
import se.planbot.outbox.QueuedMessage;
import se.planbot.outbox.SendFailure;
import se.planbot.outbox.Sender;

/**
 * {@code mail.transport=smtp}: one SMTP connection for a whole dispatch batch (closed by
 * {@link #close()}), reconnected once when the server dropped it between messages. Connect, read
 * and write timeouts are always set (Jakarta Mail's default is to wait forever).
 *
 * <p>A 5xx answer is permanent (the dispatcher marks the message dead); a 4xx answer or a
 * connection problem is temporary (retried later).
 */
public final class SmtpMailSender implements Sender {

    private static final Logger log = LoggerFactory.getLogger(SmtpMailSender.class);

    private final MailSettings settings;
    private final MailComposer composer;
    private final Session session;
    private final boolean reuseConnection;
    private final SmtpLogin login;
    private Transport transport;

    public SmtpMailSender(MailSettings settings, MailComposer composer) {
        this(settings, composer, true);
    }

    /** {@code reuseConnection=false} opens one connection per message (only the benchmark wants that). */
    public SmtpMailSender(MailSettings settings, MailComposer composer, boolean reuseConnection) {
        this(settings, composer, reuseConnection, new PasswordLogin(settings.username(), settings.password()));
    }

    public SmtpMailSender(MailSettings settings, MailComposer composer, SmtpLogin login) {
        this(settings, composer, true, login);
    }

    private SmtpMailSender(MailSettings settings, MailComposer composer, boolean reuseConnection, SmtpLogin login) {
        this.settings = settings;
        this.composer = composer;
        this.login = login;
        var properties = properties(settings);
        login.configure(properties);
        this.session = Session.getInstance(properties);
        this.reuseConnection = reuseConnection;
    }

    static Properties properties(MailSettings settings) {
        var properties = new Properties();
        String timeout = String.valueOf(settings.timeout().toMillis());
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", String.valueOf(settings.port()));
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        properties.put("mail.smtp.localhost", settings.messageIdHost());
        if (settings.starttls()) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        if (settings.ssl()) {
            properties.put("mail.smtp.ssl.enable", "true");
        }
        if (settings.starttls() || settings.ssl()) {
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        return properties;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(QueuedMessage queued) throws SendFailure {
        MimeMessage message = composer.build(session, queued);
        boolean reused = transport != null;
        try {
            deliver(message);
        } catch (MessagingException | IllegalStateException first) {
            closeTransport();
            if (!reused || smtpReplyCode(first) > 0) {
                throw classify(first);
            }
            // The kept connection was dropped (server idle timeout): one fresh try.
            log.info("SMTP connection to {}:{} was dropped; reconnecting", settings.host(), settings.port());
            try {
                deliver(message);
            } catch (MessagingException | IllegalStateException second) {
                closeTransport();
                throw classify(second);
            }
        } finally {
            if (!reuseConnection) {
                closeTransport();
            }
        }
    }

    private void deliver(MimeMessage message) throws MessagingException, SendFailure {
        if (transport == null) {
            transport = loggedIn();
        }
        transport.sendMessage(message, message.getAllRecipients());
    }

    /** A new connection, logged in; a refused login (535) is tried once more when the login has fresh credentials. */
    private Transport loggedIn() throws MessagingException, SendFailure {
        try {
            Transport opened = session.getTransport("smtp");
            login.connect(opened, settings.host(), settings.port());
            return opened;
        } catch (AuthenticationFailedException refused) {
            if (!login.renewAfterRefusal()) {
                throw refused;
            }
            log.info("SMTP {}:{} refused the login; trying once more with fresh credentials", settings.host(), settings.port());
            Transport opened = session.getTransport("smtp");
            login.connect(opened, settings.host(), settings.port());
            return opened;
        }
    }

    private SendFailure classify(Exception failure) {
        int code = smtpReplyCode(failure);
        String where = "SMTP " + settings.host() + ":" + settings.port();
        if (code >= 500) {
            return SendFailure.permanent(where + " avvisade meddelandet (" + code + "): " + failure.getMessage(), failure);
        }
        if (failure instanceof AuthenticationFailedException) {
            return SendFailure.temporary(where + " godtog inte inloggningen (" + login.whatToCheck() + ")", failure);
        }
        return SendFailure.temporary(where + ": " + whatWentWrong(failure), failure);
    }

    /**
     * What went wrong, in Swedish for the coordinator who reads it in the console and the dead-letter
     * mail: Jakarta Mail's own words ("Exception reading response", "Got bad greeting") are replaced by
     * what the innermost cause means. A server's own answer is quoted as it came.
     */
    private String whatWentWrong(Exception failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && depth < 10; depth++) {
            root = root.getCause();
        }
        String message = String.valueOf(failure.getMessage());
        if (root instanceof SocketTimeoutException) {
            return "servern svarade inte inom " + settings.timeout().toSeconds() + " s";
        }
        if (root instanceof java.net.ConnectException) {
            return "gick inte att ansluta (servern tar inte emot anslutningar på porten)";
        }
        if (root instanceof java.net.UnknownHostException) {
            return "okänt värdnamn; kontrollera smtp.host";
        }
        if (root instanceof javax.net.ssl.SSLException) {
            return "den krypterade anslutningen (TLS) gick inte att upprätta: " + root.getMessage();
        }
        if (message.startsWith("Got bad greeting")) {
            return "servern stängde anslutningen utan att hälsa";
        }
        if (root instanceof java.io.EOFException || message.contains("[EOF]")) {
            return "servern stängde anslutningen mitt i";
        }
        if (root instanceof java.net.SocketException) {
            return "anslutningen bröts (" + root.getMessage() + ")";
        }
        return "sändningen misslyckades (" + message + ")";
    }

    /** The SMTP reply code in the exception chain, or 0 when the failure was not an answer from the server. */
    static int smtpReplyCode(Exception failure) {
        Exception current = failure;
        int depth = 0;
        while (current != null && depth++ < 10) {
            if (current instanceof SMTPSendFailedException sendFailed && sendFailed.getReturnCode() > 0) {
                return sendFailed.getReturnCode();
            }
            if (current instanceof SMTPAddressFailedException addressFailed && addressFailed.getReturnCode() > 0) {
                return addressFailed.getReturnCode();
            }
            current = current instanceof MessagingException messaging ? messaging.getNextException() : null;
        }
        return 0;
    }

    private void closeTransport() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                log.debug("Closing the SMTP connection failed", e);
            }
            transport = null;
        }
    }

    /** End of a batch: the connection is closed, the next batch opens a new one. */
    @Override
    public void close() {
        closeTransport();
    }
}
