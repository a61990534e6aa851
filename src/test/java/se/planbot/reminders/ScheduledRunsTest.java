package se.planbot.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.TestDatabase;
import se.planbot.db.Jdbc;

/** Each due moment runs once across instances; a run its instance abandoned is taken over once. (Both databases.) */
class ScheduledRunsTest {

    @TempDir
    Path folder;

    @Test
    void a_due_moment_runs_on_the_first_instance_only() {
        try (var database = TestDatabase.open(folder.resolve("p.db"));
                var one = new ScheduledRuns(database); var other = new ScheduledRuns(database)) {
            var runs = new AtomicInteger();
            Instant due = Instant.parse("2026-12-01T07:00:00Z");
            assertThat(one.runOnce("sweep", due, runs::incrementAndGet)).isTrue();
            assertThat(other.runOnce("sweep", due, runs::incrementAndGet)).isFalse();
            assertThat(one.runOnce("sweep", due, runs::incrementAndGet)).isFalse();
            assertThat(other.runOnce("sweep", due.plusSeconds(60), runs::incrementAndGet)).isTrue();
            assertThat(runs).hasValue(2);
        }
    }

    @Test
    void a_run_whose_instance_died_is_taken_over_once_its_lease_has_run_out() throws Exception {
        try (var database = TestDatabase.open(folder.resolve("p.db"));
                var survivor = new ScheduledRuns(database, Duration.ofMillis(300))) {
            // The dead instance's row: begun, never done, lease renewed no more.
            database.write(connection -> Jdbc.update(connection, """
                    insert into scheduled_runs (job, due_at, run_by, lease_until, started_at)
                    values ('sweep', '2026-12-01T07:00:00.000Z', 'dead', ?, ?)
                    """, System.currentTimeMillis() + 200, System.currentTimeMillis()));
            var runs = new AtomicInteger();
            assertThat(survivor.takeOver(due -> runs::incrementAndGet)).as("lease still running").isZero();
            Thread.sleep(400);
            assertThat(survivor.takeOver(due -> runs::incrementAndGet)).isEqualTo(1);
            assertThat(survivor.takeOver(due -> runs::incrementAndGet)).isZero();
            assertThat(runs).hasValue(1);
            long attempts = database.read(connection -> Jdbc.count(connection,
                    "select attempts from scheduled_runs where done_at is not null and run_by <> 'dead'"));
            assertThat(attempts).isEqualTo(2);
        }
    }
}
