package se.planbot.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.Planbot;
import se.planbot.TestPlanbot;
import se.planbot.plan.ActionStatus;
import se.planbot.plan.ProgressUpdate;

class DatabaseTest {

    @TempDir
    Path folder;

    @Test
    void the_connection_has_wal_foreign_keys_and_a_busy_timeout() {
        try (Planbot planbot = TestPlanbot.create(folder, Map.of(), Clock.systemUTC())) {
            var settings = planbot.database().read(connection -> List.of(
                    Jdbc.one(connection, "pragma journal_mode", row -> row.getString(1)).orElseThrow(),
                    Jdbc.one(connection, "pragma foreign_keys", row -> row.getString(1)).orElseThrow(),
                    Jdbc.one(connection, "pragma busy_timeout", row -> row.getString(1)).orElseThrow()));
            assertThat(settings).containsExactly("wal", "1", "10000");
        }
    }

    @Test
    void concurrent_updates_from_many_threads_all_succeed_without_sqlite_busy() throws Exception {
        try (Planbot planbot = TestPlanbot.create(folder, Map.of(), Clock.systemUTC())) {
            planbot.loadDemo();
            var pool = Executors.newFixedThreadPool(16);
            var results = new ArrayList<Future<?>>();
            for (int i = 0; i < 400; i++) {
                int round = i;
                long id = 1 + (i % 25);
                results.add(pool.submit((Callable<Object>) () -> planbot.plan().recordUpdate(id,
                        new ProgressUpdate(ActionStatus.IN_PROGRESS, round % 101, "runda " + round), "test")));
                results.add(pool.submit((Callable<Object>) () -> planbot.plan().history(id)));
            }
            for (Future<?> result : results) {
                result.get();
            }
            pool.shutdown();
            long entries = planbot.database().read(connection ->
                    Jdbc.count(connection, "select count(*) from action_changes where actor = 'test'"));
            assertThat(entries).isEqualTo(400);
        }
    }

    @Test
    void reads_are_not_blocked_by_an_open_write_transaction() {
        try (Planbot planbot = TestPlanbot.create(folder, Map.of(), Clock.systemUTC())) {
            planbot.loadDemo();
            long seenDuringWrite = planbot.database().write(connection -> {
                Jdbc.update(connection, "update actions set title = 'ändrad' where id = 1");
                // Same thread, other connection: with readers in IMMEDIATE mode this waited for the lock.
                return planbot.database().read(reader ->
                        Jdbc.count(reader, "select count(*) from actions where title = 'ändrad'"));
            });
            assertThat(seenDuringWrite).as("a reader sees the last committed state").isZero();
            assertThat(planbot.plan().action(1).orElseThrow().title()).isEqualTo("ändrad");
        }
    }

    @Test
    void a_backup_taken_while_writes_go_on_is_a_complete_database() throws Exception {
        try (Planbot planbot = TestPlanbot.create(folder, Map.of(), Clock.systemUTC())) {
            planbot.loadDemo();
            var writer = Executors.newSingleThreadExecutor();
            Future<?> writes = writer.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    planbot.plan().recordUpdate(1, new ProgressUpdate(null, i % 100, "skrivning " + i), "test");
                }
            });
            Path copy = folder.resolve("backups/copy.db");
            planbot.database().backup(copy);
            writes.get();
            writer.shutdown();
            try (var connection = DriverManager.getConnection("jdbc:sqlite:" + copy);
                    var check = connection.createStatement().executeQuery("pragma integrity_check");
                    var count = connection.createStatement().executeQuery("select count(*) from actions")) {
                check.next();
                assertThat(check.getString(1)).isEqualTo("ok");
                count.next();
                assertThat(count.getInt(1)).isEqualTo(25);
            }
        }
    }
}
