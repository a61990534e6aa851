package se.planbot.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planbot.db.Database;
import se.planbot.db.Jdbc;

/**
 * Each due moment of a scheduled job runs once, whichever instance's alarm clock rings first: a
 * database lease (table {@code scheduled_runs}, V60) rather than Quartz's clustered JDBC store.
 * Why: it is the same code and SQL on SQLite and PostgreSQL (Quartz's JDBC store does not run on
 * SQLite), it adds one small table instead of Quartz's eleven, and every reminder rule is already
 * idempotent in the database (reminder points, outbox keys), so all a lease has to add is "not
 * twice at once, and not lost". Every instance keeps Quartz's RAM store as its alarm clock.
 *
 * <p>The instance that inserts the row of a (job, due moment) runs it and renews its lease every
 * {@link #LEASE}/3 while it runs; the others skip it. An instance killed mid-run stops renewing:
 * once the lease has run out, {@link #takeOver} (called by every instance every half minute) claims
 * the unfinished run and does it again.
 */
public final class ScheduledRuns implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScheduledRuns.class);
    /** Long enough for a renewal to be late under load, short enough that a dead instance's run resumes soon. */
    public static final Duration LEASE = Duration.ofSeconds(30);

    private final Database database;
    private final String instance = UUID.randomUUID().toString();
    /** Leases are real time, whatever clock the rules run on (tests fix that one). */
    private final Clock leaseClock = Clock.systemUTC();
    private final Duration lease;
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "planbot-lease");
        thread.setDaemon(true);
        return thread;
    });

    /** A due moment that is open for the taking: its job and when it was due. */
    public record Due(String job, String dueAt) {
    }

    public ScheduledRuns(Database database) {
        this(database, LEASE);
    }

    ScheduledRuns(Database database, Duration lease) {
        this.database = database;
        this.lease = lease;
    }

    /** Runs {@code work} for ({@code job}, {@code dueAt}) unless some instance has begun it; true when this one ran it. */
    public boolean runOnce(String job, Instant dueAt, Runnable work) {
        long now = leaseClock.millis();
        String due = Jdbc.text(dueAt);
        boolean mine = database.write(connection -> Jdbc.update(connection, """
                insert into scheduled_runs (job, due_at, run_by, lease_until, started_at) values (?, ?, ?, ?, ?)
                on conflict (job, due_at) do nothing
                """, job, due, instance, now + lease.toMillis(), now) == 1);
        if (mine) {
            run(new Due(job, due), work);
        }
        return mine;
    }

    /** Claims and runs, one by one, the runs whose instance stopped renewing their lease before they were done. */
    public int takeOver(java.util.function.Function<Due, Runnable> workFor) {
        long now = leaseClock.millis();
        List<Due> abandoned = database.read(connection -> Jdbc.list(connection,
                "select job, due_at from scheduled_runs where done_at is null and lease_until < ? order by due_at",
                row -> new Due(row.getString("job"), row.getString("due_at")), now));
        int taken = 0;
        for (Due due : abandoned) {
            long at = leaseClock.millis();
            boolean mine = database.write(connection -> Jdbc.update(connection, """
                    update scheduled_runs set run_by = ?, lease_until = ?, attempts = attempts + 1, started_at = ?
                    where job = ? and due_at = ? and done_at is null and lease_until < ?
                    """, instance, at + lease.toMillis(), at, due.job(), due.dueAt(), at) == 1);
            if (mine) {
                log.warn("Taking over {} due {}: the instance running it stopped before it was done", due.job(), due.dueAt());
                run(due, workFor.apply(due));
                taken++;
            }
        }
        return taken;
    }

    private void run(Due due, Runnable work) {
        var renewal = renewer.scheduleAtFixedRate(() -> renew(due), lease.toMillis() / 3, lease.toMillis() / 3,
                TimeUnit.MILLISECONDS);
        try {
            work.run();
        } finally {
            renewal.cancel(false);
            // Done even when it failed: the next due moment runs every rule again; a failure is in the log.
            database.write(connection -> Jdbc.update(connection,
                    "update scheduled_runs set done_at = ? where job = ? and due_at = ? and run_by = ?",
                    leaseClock.millis(), due.job(), due.dueAt(), instance));
        }
    }

    private void renew(Due due) {
        try {
            database.write(connection -> Jdbc.update(connection, """
                    update scheduled_runs set lease_until = ? where job = ? and due_at = ? and run_by = ? and done_at is null
                    """, leaseClock.millis() + lease.toMillis(), due.job(), due.dueAt(), instance));
        } catch (RuntimeException e) {
            log.warn("Renewing the lease of {} due {} failed: {}", due.job(), due.dueAt(), e.getMessage());
        }
    }

    /** Forgets finished runs older than {@code keep}: the table stays small. */
    public void prune(Duration keep) {
        long before = leaseClock.millis() - keep.toMillis();
        database.write(connection -> Jdbc.update(connection,
                "delete from scheduled_runs where done_at is not null and done_at < ?", before));
    }

    @Override
    public void close() {
        renewer.shutdownNow();
    }
}
