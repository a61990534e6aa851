package se.planbot.dialogs;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import se.planbot.outbox.Channel;
import se.planbot.outbox.OutgoingMessage;
import se.planbot.outbox.Outbox;
import se.planbot.subscribers.LinkTokens;
import se.planbot.subscribers.Subscriber;
import se.planbot.subscribers.SubscriberService;

/**
 * Queues the dialog mails. Each carries the dialog's texts and its own calendar file; a mail to
 * a subscriber gets a fresh manage link (unsubscribe, preferences), a mail to a registrant a
 * fresh cancel link. Keys name dialog, sequence and recipient, so a repeat queues nothing.
 */
final class DialogMails {

    private final Outbox outbox;
    private final SubscriberService subscribers;
    private final DialogCalendar calendar;
    private final DialogTexts texts;
    private final RegistrationStore registrations;
    private final String baseUrl;
    private final Clock clock;

    DialogMails(Outbox outbox, SubscriberService subscribers, DialogCalendar calendar, DialogTexts texts,
            RegistrationStore registrations, String baseUrl, Clock clock) {
        this.outbox = outbox;
        this.subscribers = subscribers;
        this.calendar = calendar;
        this.texts = texts;
        this.registrations = registrations;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** dialog-invitation, dialog-update or dialog-cancel to a subscriber. */
    boolean toSubscriber(Connection connection, String template, String key, Dialog dialog, Subscriber subscriber)
            throws SQLException {
        var model = texts.model(dialog, subscriber.locale());
        model.put("name", subscriber.name());
        String token = subscribers.issueManageLink(connection, subscriber.id());
        String language = LinkTokens.languageQuery(subscriber.locale());
        String unsubscribe = baseUrl + "/unsubscribe?" + language + "token=" + token;
        model.put("unsubscribeLink", unsubscribe);
        // unsubscribeUrl makes the List-Unsubscribe headers, which RFC 8058 allows for https only;
        // on a plain-http installation (a local trial) the visible link in the text still works.
        if (baseUrl.startsWith("https://")) {
            model.put("unsubscribeUrl", unsubscribe);
        }
        model.put("preferencesUrl", baseUrl + "/preferences?" + language + "token=" + token);
        // A subscriber is told about a dialog, not invited to it: METHOD:PUBLISH without ATTENDEE, so
        // Outlook and Gmail offer "add to calendar" instead of Ja/Nej buttons whose reply would register
        // nobody (Planbot reads no mailbox). Registering is the page's form; the registrant then gets a
        // REQUEST with the same UID. An update or cancellation is the same event republished with a
        // higher SEQUENCE (STATUS:CANCELLED when cancelled), which replaces the one added.
        model.put("calendar", calendar.announcement(dialog));
        model.put("calendarMethod", DialogCalendar.Kind.PUBLISH.name());
        return outbox.enqueue(connection, new OutgoingMessage(key, Channel.EMAIL, subscriber.email(), subscriber.name(),
                template, model, subscriber.locale()));
    }

    /** registration-*, dialog-update or dialog-cancel to a registrant (transactional: no unsubscribe). */
    boolean toRegistrant(Connection connection, String template, String key, Dialog dialog, Registration registration)
            throws SQLException {
        var model = texts.model(dialog, registration.locale());
        model.put("name", registration.name());
        model.put("company", registration.company());
        model.put("waiting", registration.status() == RegistrationStatus.WAITING);
        if (registration.status() != RegistrationStatus.CANCELLED && dialog.state() != DialogState.CANCELLED) {
            var token = LinkTokens.issue();
            registrations.addToken(connection, registration.id(), token.hash(), clock.instant());
            model.put("cancelUrl", baseUrl + "/registrations/cancel?" + LinkTokens.languageQuery(registration.locale())
                    + "token=" + token.plain());
        }
        if (registration.status() != RegistrationStatus.WAITING) {
            boolean gone = registration.status() == RegistrationStatus.CANCELLED;
            addCalendar(model, dialog, gone ? "dialog-cancel" : template,
                    new DialogCalendar.Attendance(registration.email(), registration.name(), !gone));
        }
        return outbox.enqueue(connection, new OutgoingMessage(key, Channel.EMAIL, registration.email(),
                registration.name(), template, model, registration.locale()));
    }

    private void addCalendar(Map<String, Object> model, Dialog dialog, String template,
            DialogCalendar.Attendance attendee) {
        boolean cancel = template.equals("dialog-cancel") || dialog.state() == DialogState.CANCELLED;
        var kind = cancel ? DialogCalendar.Kind.CANCEL : DialogCalendar.Kind.REQUEST;
        model.put("calendar", calendar.invite(dialog, kind, attendee));
        model.put("calendarMethod", kind.name());
    }
}
