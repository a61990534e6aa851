package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code planbot backup} beside a running server never touches the live database. */
class BackupCommandTest {

    @TempDir
    Path folder;

    private CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    private Path config() throws Exception {
        Path file = folder.resolve("planbot.properties");
        Files.writeString(file, "db.path=" + folder.resolve("planbot.db") + "\nmail.file-dir=" + folder.resolve("mail")
                + "\nhttp.port=0\n", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void a_backup_onto_the_live_database_or_its_wal_or_shm_is_refused_under_any_spelling() throws Exception {
        try (var server = TestPlanbot.started(folder).withDemo()) {
            Path cfg = config();
            Path db = folder.resolve("planbot.db");
            Files.createDirectories(folder.resolve("sub"));
            Path link = Files.createSymbolicLink(folder.resolve("link.db"), db);
            Path folderLink = Files.createSymbolicLink(folder.resolve("datalink"), folder);
            Path hardLink = Files.createLink(folder.resolve("hard.db"), db);
            List<String> targets = new ArrayList<>(List.of(
                    db.toString(),
                    folder.resolve("sub/../planbot.db").toString(),
                    folder + "/./planbot.db",
                    folder + "//planbot.db",
                    link.toString(),
                    folderLink.resolve("planbot.db").toString(),
                    hardLink.toString(),
                    db + "-wal",
                    db + "-shm",
                    folderLink.resolve("sub/../planbot.db-wal").toString()));
            for (String target : targets) {
                var refused = run("backup", "--config", cfg.toString(), target);
                assertThat(refused.exit()).as(target).isEqualTo(2);
                assertThat(refused.err().lines()).as(target).hasSize(1);
                assertThat(refused.err()).as(target).contains("säkerhetskopian skrivs inte").doesNotContain("Exception");
                assertThat(refused.out()).as(target).doesNotContain("Säkerhetskopia skriven");
            }
            // The server still answers from an intact database.
            assertThat(server.get("/plan").statusCode()).isEqualTo(200);
            assertThat(server.planbot().plan().action(1)).isPresent();
            String check = server.planbot().database().read(connection -> se.planbot.db.Jdbc.one(connection,
                    "pragma integrity_check", row -> row.getString(1)).orElseThrow());
            assertThat(check).isEqualTo("ok");
            try (var files = Files.list(folder)) {
                assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
            }
        }
    }

    @Test
    void a_backup_is_not_moved_over_another_database_in_use() throws Exception {
        Path other = folder.resolve("other/planbot.db");
        try (var server = TestPlanbot.started(folder.resolve("other")).withDemo()) {
            var refused = run("backup", "--config", config().toString(), other.toString());
            assertThat(refused.exit()).isEqualTo(2);
            assertThat(refused.err()).contains("används", "planbot.db-wal");
            assertThat(server.get("/plan").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void the_database_and_its_backups_are_readable_by_their_owner_only() throws Exception {
        Path cfg = config();
        Path copy = folder.resolve("backups/copy.db");
        var written = run("backup", "--config", cfg.toString(), copy.toString());
        assertThat(written.exit()).as(written.err()).isZero();
        assertThat(written.out()).contains("Säkerhetskopia skriven");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("planbot.db"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rw-------");
        // A second backup to the same name replaces the old copy (a plain file, not in use).
        assertThat(run("backup", "--config", cfg.toString(), copy.toString()).exit()).isZero();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + copy);
                var check = connection.createStatement().executeQuery("pragma integrity_check")) {
            check.next();
            assertThat(check.getString(1)).isEqualTo("ok");
        }
    }
}
