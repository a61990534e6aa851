package se.planbot.reminders;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planbot.db.Database;
import se.planbot.outbox.Channel;
import se.planbot.outbox.Outbox;
import se.planbot.outbox.QueuedMessage;
import se.planbot.plan.PlanService;

/**
 * Runs every reminder rule as of a moment: owner deadline reminders, the coordinator digest, the
 * daily dead-letter notice, and each {@link ReminderSource} other features register. Each rule
 * reads and queues in its own write transaction, so what it queues and what it records as done
 * commit together, and a failing rule does not hold back the others. Outbox keys make running
 * it again for the same moment a no-op. All state is in the database; Quartz only calls this.
 */
public final class ReminderSweep {

    private static final Logger log = LoggerFactory.getLogger(ReminderSweep.class);

    @FunctionalInterface
    private interface Rule {
        int queue(Connection connection, ZonedDateTime now) throws SQLException;
    }

    private record NamedRule(String name, Rule rule) {
    }

    private final Database database;
    private final Outbox outbox;
    private final List<NamedRule> rules = new ArrayList<>();

    public ReminderSweep(Database database, PlanService plan, Outbox outbox, ReminderSettings settings,
            WorkingDays workingDays, List<ReminderSource> sources, List<DigestSection> sections) {
        this(database, plan, outbox, settings, workingDays, sources, sections, UpdateLinks.NONE);
    }

    /** With {@code updateLinks}: owners' reminder mails link to the update form of each action. */
    public ReminderSweep(Database database, PlanService plan, Outbox outbox, ReminderSettings settings,
            WorkingDays workingDays, List<ReminderSource> sources, List<DigestSection> sections, UpdateLinks updateLinks) {
        this.database = database;
        this.outbox = outbox;
        var owners = new OwnerReminders(plan, outbox, new DeadlineRules(settings.deadlineDays(), workingDays), settings,
                updateLinks);
        var digest = new Digest(plan, outbox, new DigestSchedule(settings.digestCron(), settings.zone()), settings, sections);
        var deadLetters = new DeadLetterNotice(plan, outbox, settings);
        rules.add(new NamedRule("deadline reminders", (connection, now) -> owners.queue(connection, now.toLocalDate())));
        rules.add(new NamedRule("digest", digest::queue));
        rules.add(new NamedRule("dead-letter notice", (connection, now) -> deadLetters.queue(connection, now.toLocalDate())));
        for (ReminderSource source : sources) {
            rules.add(new NamedRule(source.getClass().getSimpleName(),
                    (connection, now) -> source.queueDue(connection, now, workingDays)));
        }
    }

    /** Runs every rule as of {@code now} (in the programme's time zone) and commits what they queue. */
    public SweepResult run(ZonedDateTime now) {
        var queued = new ArrayList<QueuedMessage>();
        var failures = new ArrayList<String>();
        for (NamedRule rule : rules) {
            try {
                queued.addAll(database.write(connection -> apply(rule, connection, now)));
            } catch (RuntimeException e) {
                log.error("Reminder rule '{}' failed as of {}; its messages were not queued", rule.name(), now, e);
                failures.add(rule.name() + ": " + e.getMessage());
            }
        }
        if (!queued.isEmpty()) {
            log.info("Reminder sweep as of {} queued {} message(s)", now, queued.size());
        }
        return new SweepResult(List.copyOf(queued), List.of(), List.copyOf(failures));
    }

    /** As {@link #run}, but rolls everything back: what would be queued, and what would then be sent. */
    public SweepResult preview(ZonedDateTime now, Set<Channel> channels) {
        try {
            database.write(connection -> {
                var queued = new ArrayList<QueuedMessage>();
                var failures = new ArrayList<String>();
                for (NamedRule rule : rules) {
                    try {
                        queued.addAll(apply(rule, connection, now));
                    } catch (SQLException | RuntimeException e) {
                        failures.add(rule.name() + ": " + e.getMessage());
                    }
                }
                throw new Rollback(new SweepResult(List.copyOf(queued), outbox.due(connection, channels),
                        List.copyOf(failures)));
            });
            throw new IllegalStateException("preview must roll back");
        } catch (Rollback rollback) {
            return rollback.result;
        }
    }

    private List<QueuedMessage> apply(NamedRule rule, Connection connection, ZonedDateTime now) throws SQLException {
        long before = outbox.lastId(connection);
        rule.rule().queue(connection, now);
        return outbox.queuedAfter(connection, before);
    }

    /** Carries a dry run's result out of the transaction it rolls back. */
    private static final class Rollback extends RuntimeException {
        private final transient SweepResult result;

        Rollback(SweepResult result) {
            super("dry run", null, false, false);
            this.result = result;
        }
    }
}
