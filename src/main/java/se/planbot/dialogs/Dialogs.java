package se.planbot.dialogs;

import java.time.Clock;
import java.time.ZoneId;
import se.planbot.config.Organisation;
import se.planbot.db.Database;
import se.planbot.outbox.Outbox;
import se.planbot.plan.PlanService;
import se.planbot.subscribers.SubscriberService;
import se.planbot.subscribers.WelcomeDialogs;

/**
 * The dialogs feature put together (its stores and mail builder stay package-private): the
 * coordinator's {@link DialogService}, the public {@link RegistrationService}, the reminder rule,
 * the calendar feed and the coming dialogs for a subscriber's welcome mail. Planbot builds one of these.
 *
 * @param organizerEmail ORGANIZER of invitations (the address mails come from)
 * @param organisation   who runs Planbot: the ORGANIZER's name and the feed's calendar name
 */
public record Dialogs(DialogService dialogs, RegistrationService registrations, RegistrationReminders reminders,
        DialogCalendar calendar, DialogTexts texts, WelcomeDialogs welcome) {

    public static Dialogs create(Database database, PlanService plan, SubscriberService subscribers, Outbox outbox,
            Clock clock, ZoneId zone, String baseUrl, String organizerEmail, Organisation organisation) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        var calendar = new DialogCalendar(zone, organizerEmail, organisation.senderName(),
                "Dialoger – " + organisation.name(), base, clock);
        var texts = new DialogTexts(zone, base);
        var registrationStore = new RegistrationStore();
        var mails = new DialogMails(outbox, subscribers, calendar, texts, registrationStore, base, clock);
        var waitingList = new WaitingList(mails, registrationStore, clock);
        String domain = organizerEmail.contains("@") ? organizerEmail.substring(organizerEmail.indexOf('@') + 1) : "planbot";
        return new Dialogs(
                new DialogService(database, plan, subscribers, mails, registrationStore, waitingList, clock, zone, domain),
                new RegistrationService(database, mails, waitingList, registrationStore, clock, zone),
                new RegistrationReminders(mails, registrationStore),
                calendar,
                texts,
                new DialogWelcome(new DialogStore(), texts, clock));
    }
}
