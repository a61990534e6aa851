package se.planbot.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import se.planbot.outbox.QueuedMessage;
import se.planbot.outbox.SendFailure;

/**
 * Turns an outbox row into a MIME message: multipart/alternative of text and HTML from the
 * templates, plus a calendar part and {@code invite.ics} when the model has {@code calendar},
 * and RFC 8058 one-click unsubscribe headers when it has {@code unsubscribeUrl}; {@code replyTo} sets
 * Reply-To (an owner's reminder is answered to the coordinator).
 *
 * <p>No value from data reaches a header except through the typed setters that encode it
 * (RFC 2047, UTF-8), and CR/LF are removed from names and subjects first, so data can never add a
 * header. The Message-ID depends only on the row, so a repeated send is recognisable.
 */
public final class MailComposer {

    private static final Set<String> CALENDAR_METHODS = Set.of("REQUEST", "CANCEL", "PUBLISH");
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // jakarta.mail 2.1 looks its StreamProvider up with a ServiceLoader on every encoder it makes, which
        // reads META-INF/services out of the jar each time: a quarter of the time of a sent reminder. Its
        // FactoryFinder takes the class from this system property first (Angus Mail's own provider, the
        // one the ServiceLoader would find); an operator's own setting is left alone.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final MailTemplates templates;
    private final MailSettings settings;
    private final Clock clock;

    public MailComposer(MailTemplates templates, MailSettings settings, Clock clock) {
        this.templates = templates;
        this.settings = settings;
        this.clock = clock;
    }

    public MimeMessage compose(Session session, QueuedMessage queued) throws MailProblem, MessagingException {
        var model = new LinkedHashMap<String, Object>(queued.model());
        model.put("baseUrl", settings.baseUrl());
        model.put("organisation", settings.organisation().model());
        model.put("recipientName", clean(queued.recipientName()));
        RenderedMail rendered = templates.render(queued.template(), queued.locale(), model);

        var message = new StableIdMessage(session, messageId(queued));
        message.setFrom(settings.from());
        message.setRecipient(Message.RecipientType.TO, recipient(queued));
        message.setSubject(MailTemplates.oneLine(rendered.subject()), "UTF-8");
        // Date in the programme's zone (+0100/+0200), as a person in Sweden would write it.
        var dateFormat = new MailDateFormat();
        dateFormat.setTimeZone(TimeZone.getTimeZone(settings.zone()));
        message.setHeader("Date", dateFormat.format(Date.from(clock.instant())));
        message.setHeader("Auto-Submitted", "auto-generated");
        Object replyTo = queued.model().get("replyTo");
        if (replyTo instanceof String address && !address.isBlank()) {
            try {
                message.setReplyTo(new InternetAddress[] {new InternetAddress(address, true)});
            } catch (AddressException e) {
                throw new MailProblem("svarsadressen '" + MailTemplates.oneLine(address) + "' är ingen e-postadress");
            }
        }
        var unsubscribeUrl = unsubscribe(queued.model());
        if (unsubscribeUrl.isPresent()) {
            message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl.get() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        var alternative = new MimeMultipart("alternative");
        var text = new MimeBodyPart();
        text.setText(rendered.text(), "UTF-8", "plain");
        alternative.addBodyPart(text);
        var html = new MimeBodyPart();
        html.setText(rendered.html(), "UTF-8", "html");
        alternative.addBodyPart(html);

        Object calendar = queued.model().get("calendar");
        if (calendar instanceof String ics && !ics.isBlank()) {
            String method = String.valueOf(queued.model().getOrDefault("calendarMethod", "PUBLISH"));
            if (!CALENDAR_METHODS.contains(method)) {
                throw new MailProblem("calendarMethod '" + method + "' ska vara REQUEST, CANCEL eller PUBLISH");
            }
            byte[] bytes = ics.getBytes(StandardCharsets.UTF_8);
            var inline = new MimeBodyPart();
            inline.setDataHandler(new DataHandler(
                    new ByteArrayDataSource(bytes, "text/calendar; charset=UTF-8; method=" + method)));
            alternative.addBodyPart(inline);
            var wrapper = new MimeBodyPart();
            wrapper.setContent(alternative);
            var attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, "application/ics")));
            attachment.setFileName("invite.ics");
            attachment.setDisposition(MimeBodyPart.ATTACHMENT);
            var mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(wrapper);
            mixed.addBodyPart(attachment);
            message.setContent(mixed);
        } else {
            message.setContent(alternative);
        }
        message.saveChanges();
        return message;
    }

    /** {@code <outbox-{id}.{created epoch}@{public host}>}: the same for every attempt of one row. */
    String messageId(QueuedMessage queued) {
        return "<outbox-" + queued.id() + "." + queued.createdAt().getEpochSecond() + "@" + settings.messageIdHost() + ">";
    }

    private static InternetAddress recipient(QueuedMessage queued) throws MailProblem {
        String address = queued.recipient() == null ? "" : queued.recipient().trim();
        try {
            var parsed = new InternetAddress(address, true);
            if (!parsed.getAddress().equals(address) || address.indexOf('@') < 1) {
                throw new AddressException("not a bare address", address);
            }
            return new InternetAddress(address, clean(queued.recipientName()), "UTF-8");
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new MailProblem("mottagaren '" + MailTemplates.oneLine(address) + "' är ingen e-postadress");
        }
    }

    private static Optional<String> unsubscribe(Map<String, Object> model) throws MailProblem {
        Object value = model.get("unsubscribeUrl");
        if (value == null || String.valueOf(value).isBlank()) {
            return Optional.empty();
        }
        String url = String.valueOf(value);
        try {
            URI uri = new URI(url);
            // Only a plain https URL goes into the header: no spaces, brackets or line breaks.
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null
                    || !url.matches("[\\x21-\\x7E]+") || url.contains("<") || url.contains(">")) {
                throw new URISyntaxException(url, "not a plain https URL");
            }
            return Optional.of(url);
        } catch (URISyntaxException e) {
            throw new MailProblem("unsubscribeUrl '" + MailTemplates.oneLine(url) + "' är ingen https-adress");
        }
    }

    static String clean(String name) {
        return name == null ? "" : MailTemplates.oneLine(name);
    }

    /** Keeps the Message-ID we chose: MimeMessage would otherwise make a new one on every save. */
    private static final class StableIdMessage extends MimeMessage {
        private final String id;

        StableIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }

    /** {@link #compose} for a sender: a message that cannot be built never will be, so that is permanent. */
    public MimeMessage build(Session session, QueuedMessage queued) throws SendFailure {
        try {
            return compose(session, queued);
        } catch (MailProblem e) {
            throw SendFailure.permanent(e.getMessage(), e);
        } catch (MessagingException e) {
            throw SendFailure.permanent("meddelandet kan inte byggas: " + e.getMessage(), e);
        }
    }
}
