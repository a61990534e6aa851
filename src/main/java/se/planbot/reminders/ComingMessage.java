package se.planbot.reminders;

import java.time.LocalDate;
import se.planbot.outbox.QueuedMessage;

/** A message the reminder rules would queue on {@code day}, as the sweep's dry run over coming days finds it. */
public record ComingMessage(LocalDate day, QueuedMessage message) {
}
