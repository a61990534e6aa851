package se.planbot.reminders;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planbot.db.Database;
import se.planbot.outbox.Channel;
import se.planbot.outbox.Outbox;
import se.planbot.outbox.QueuedMessage;
import se.planbot.plan.ActionFilter;
import se.planbot.plan.PlanService;

/**
 * Runs every {@link SweepTask} as of a moment; the list (owner deadline reminders, the coordinator
 * digest, the daily dead-letter notice, registration reminders, expired sign-ups) is given by
 * Planbot's wiring. Each task reads and queues in its own write transaction, so what it queues and
 * what it records as done commit together, and a failing task does not hold back the others.
 * Outbox keys make running it again for the same moment a no-op. All state is in the database;
 * Quartz only calls this.
 */
public final class ReminderSweep {

    private static final Logger log = LoggerFactory.getLogger(ReminderSweep.class);

    private final Database database;
    private final Outbox outbox;
    private final WorkingDays workingDays;
    private final List<SweepTask> tasks;
    private final Supplier<PlanGaps> gaps;

    public ReminderSweep(Database database, Outbox outbox, WorkingDays workingDays, List<SweepTask> tasks) {
        this(database, outbox, workingDays, tasks, () -> PlanGaps.NONE);
    }

    /** {@code gaps}: who could not be reminded and what no reminder covers, reported with every run. */
    public ReminderSweep(Database database, Outbox outbox, WorkingDays workingDays, List<SweepTask> tasks,
            Supplier<PlanGaps> gaps) {
        this.database = database;
        this.outbox = outbox;
        this.workingDays = workingDays;
        this.tasks = List.copyOf(tasks);
        this.gaps = gaps;
    }

    /** The plan's gaps as {@code settings} sees them: owners without a channel, actions without owner or deadline. */
    public static Supplier<PlanGaps> gapsOf(PlanService plan, ReminderSettings settings) {
        return () -> PlanGaps.of(plan.actions(ActionFilter.all()), settings);
    }

    /** Runs every task as of {@code now} (in the programme's time zone) and commits what they queue. */
    public SweepResult run(ZonedDateTime now) {
        var queued = new ArrayList<QueuedMessage>();
        var failures = new ArrayList<String>();
        for (SweepTask task : tasks) {
            try {
                queued.addAll(database.write(connection -> apply(task, connection, now)));
            } catch (RuntimeException e) {
                log.error("Sweep task '{}' failed as of {}; its messages were not queued", name(task), now, e);
                failures.add(name(task) + ": " + e.getMessage());
            }
        }
        if (!queued.isEmpty()) {
            log.info("Reminder sweep as of {} queued {} message(s)", now, queued.size());
        }
        return new SweepResult(List.copyOf(queued), List.of(), List.copyOf(failures), gaps.get());
    }

    /** As {@link #run}, but rolls everything back: what would be queued, and what would then be sent. */
    public SweepResult preview(ZonedDateTime now, Set<Channel> channels) {
        try {
            database.write(connection -> {
                var queued = new ArrayList<QueuedMessage>();
                var failures = new ArrayList<String>();
                for (SweepTask task : tasks) {
                    try {
                        queued.addAll(apply(task, connection, now));
                    } catch (SQLException | RuntimeException e) {
                        failures.add(name(task) + ": " + e.getMessage());
                    }
                }
                throw new Rollback(new SweepResult(List.copyOf(queued), outbox.due(connection, channels),
                        List.copyOf(failures), PlanGaps.NONE));
            });
            throw new IllegalStateException("preview must roll back");
        } catch (Rollback rollback) {
            var result = rollback.result;
            return new SweepResult(result.queued(), result.due(), result.failures(), gaps.get());
        }
    }

    /**
     * What the rules would queue from {@code now} through the end of the {@code days}-th day after
     * it: every task run as of now and then at the end of each day (each rule is keyed by day, the
     * digest catches up within a day), all in one transaction that is rolled back, so each day
     * sees what the days before it would have queued. Changes nothing.
     */
    public List<ComingMessage> coming(ZonedDateTime now, int days) {
        try {
            database.write(connection -> {
                var coming = new ArrayList<ComingMessage>();
                var moments = new ArrayList<ZonedDateTime>(List.of(now));
                for (int day = 0; day <= days; day++) {
                    ZonedDateTime endOfDay = now.toLocalDate().plusDays(day).atTime(23, 59).atZone(now.getZone());
                    if (endOfDay.isAfter(now)) {
                        moments.add(endOfDay);
                    }
                }
                for (ZonedDateTime moment : moments) {
                    for (SweepTask task : tasks) {
                        try {
                            apply(task, connection, moment)
                                    .forEach(message -> coming.add(new ComingMessage(moment.toLocalDate(), message)));
                        } catch (SQLException | RuntimeException e) {
                            log.warn("Sweep task '{}' failed in the preview as of {}", name(task), moment, e);
                        }
                    }
                }
                throw new ComingRollback(coming);
            });
            throw new IllegalStateException("a preview must roll back");
        } catch (ComingRollback rollback) {
            return List.copyOf(rollback.coming);
        }
    }

    private List<QueuedMessage> apply(SweepTask task, Connection connection, ZonedDateTime now) throws SQLException {
        long before = outbox.lastId(connection);
        task.runAsOf(connection, now, workingDays);
        return outbox.queuedAfter(connection, before);
    }

    private static String name(SweepTask task) {
        return task.getClass().getSimpleName();
    }

    /** Carries the coming days' messages out of the transaction it rolls back. */
    private static final class ComingRollback extends RuntimeException {
        private final transient List<ComingMessage> coming;

        ComingRollback(List<ComingMessage> coming) {
            super("coming days", null, false, false);
            this.coming = coming;
        }
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
