package se.planbot.mail;

import java.time.Clock;
import se.planbot.outbox.Sender;

/** The email {@link Sender} that {@code mail.transport} asks for. */
public final class MailSenders {

    private MailSenders() {
    }

    public static Sender create(MailSettings settings, MailTemplates templates, Clock clock) {
        return create(settings, templates, clock, new PasswordLogin(settings.username(), settings.password()));
    }

    public static Sender create(MailSettings settings, MailTemplates templates, Clock clock, SmtpLogin login) {
        var composer = new MailComposer(templates, settings, clock);
        return switch (settings.transport()) {
            case "smtp" -> new SmtpMailSender(settings, composer, login);
            default -> new FileMailSender(settings.fileDirectory(), composer);
        };
    }
}
