package se.planbot;

import java.io.PrintWriter;
import java.util.Locale;
import se.planbot.outbox.Delivery;
import se.planbot.outbox.QueuedMessage;
import se.planbot.reminders.PlanGaps;
import se.planbot.reminders.RemindReport;

/** What {@code remind} prints: one line per message, in Swedish, for the person running it. */
final class RemindOutput {

    private RemindOutput() {
    }

    /** "1 meddelande", "2 meddelanden". */
    static String messages(long count) {
        return count + (count == 1 ? " meddelande" : " meddelanden");
    }

    static void print(RemindReport report, PrintWriter out) {
        var sweep = report.sweep();
        if (report.dryRun()) {
            out.println("Provkörning: inget köas och inget skickas.");
            out.println("Skulle köa " + messages(sweep.queued().size()) + ":");
            sweep.queued().forEach(message -> out.println("  " + line(message)));
            out.println("Skulle skicka " + messages(sweep.due().size()) + ":");
            sweep.due().forEach(message -> out.println("  " + line(message)));
        } else {
            out.println("Köade " + sweep.queued().size() + (sweep.queued().size() == 1 ? " nytt meddelande." : " nya meddelanden."));
            long sent = report.deliveries().stream().filter(d -> d.outcome() == Delivery.Outcome.SENT).count();
            out.println("Skickade " + messages(sent) + ":");
            for (Delivery delivery : report.deliveries()) {
                String prefix = switch (delivery.outcome()) {
                    case SENT -> "  skickat      ";
                    case RETRY -> "  försöker igen";
                    case DEAD -> "  gav upp      ";
                };
                out.println(prefix + " #" + delivery.id() + " " + delivery.template() + " till " + delivery.recipient()
                        + " (" + channel(delivery.channel().name()) + ")"
                        + (delivery.error() == null ? "" : ": " + delivery.error()));
            }
        }
        report.waitingForChannel().forEach((channel, count) -> out.println(messages(count.longValue()) + " väntar på kanalen "
                + channel + ", som inte är påslagen (de skickas när den slås på)."));
        sweep.failures().forEach(failure -> out.println("  FEL i regel " + failure));
        printGaps(sweep.gaps(), out);
        out.flush();
    }

    /** Who could not be reminded and what no reminder covers: said here, not only in the log. */
    private static void printGaps(PlanGaps gaps, PrintWriter out) {
        if (!gaps.unreachable().isEmpty()) {
            out.println("Kan inte påminnas, saknar e-postadress och Slack-id (" + gaps.unreachable().size() + "):");
            gaps.unreachable().forEach(owner -> out.println("  " + owner.name() + ": " + String.join(", ", owner.codes())));
        }
        if (!gaps.withoutOwner().isEmpty()) {
            out.println("Åtgärder utan ansvarig (" + gaps.withoutOwner().size() + "):");
            gaps.withoutOwner().forEach(action -> out.println("  " + action.code() + " " + action.title()));
        }
        if (!gaps.withoutDeadline().isEmpty()) {
            out.println("Åtgärder utan klart senast-datum (" + gaps.withoutDeadline().size() + "):");
            gaps.withoutDeadline().forEach(action -> out.println("  " + action.code() + " " + action.title()));
        }
    }

    private static String line(QueuedMessage message) {
        return message.template() + " till " + message.recipient()
                + " (" + channel(message.channel().name()) + ") [" + message.key() + "]";
    }

    private static String channel(String name) {
        return "EMAIL".equals(name) ? "e-post" : name.toLowerCase(Locale.ROOT);
    }
}
