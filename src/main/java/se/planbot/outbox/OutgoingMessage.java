package se.planbot.outbox;

import java.util.Locale;
import java.util.Map;

/**
 * A message to be sent, as queued in the outbox.
 *
 * @param key        idempotency key: queuing the same key twice keeps the first message only,
 *                   e.g. {@code deadline:12:2026-12-01:7} or {@code digest:3:2026-W49}
 * @param channel    email or Slack
 * @param recipient  an email address, or a Slack user or channel id
 * @param recipientName the person's name for the To: header (may be empty)
 * @param template   template name, e.g. {@code reminder} → templates/mail/reminder.*
 * @param model      values the template reads; must serialise to JSON
 * @param locale     language of the message
 */
public record OutgoingMessage(
        String key,
        Channel channel,
        String recipient,
        String recipientName,
        String template,
        Map<String, Object> model,
        Locale locale) {
}
