package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: exit codes and the one line they read. */
class MainTest {

    @TempDir
    Path folder;

    private CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    private Path config(String extra) throws Exception {
        Path file = folder.resolve("planbot.properties");
        Files.writeString(file, "db.path=" + folder.resolve("db/planbot.db") + "\nhttp.port=0\n" + extra,
                StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void an_unknown_command_or_option_is_one_line_and_exit_2() {
        var unknown = run("servera");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err().lines()).hasSize(1);
        assertThat(unknown.err()).contains("servera");
        var badOption = run("export", "--format", "x", "plan.csv");
        assertThat(badOption.exit()).isEqualTo(2);
        assertThat(badOption.err().lines()).hasSize(1);
    }

    @Test
    void every_command_explains_itself_with_help() {
        for (String command : new String[] {"serve", "import", "export", "backup"}) {
            var help = run(command, "--help");
            assertThat(help.exit()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Användning:", "--config=FIL", "Visa den här hjälpen");
        }
        assertThat(run("token", "create", "--help").out()).contains("--role");
    }

    @Test
    void a_bad_configuration_value_stops_with_a_message_naming_the_key() throws Exception {
        var badPort = run("export", "--config", config("http.port=abc\n").toString(), folder.resolve("x.csv").toString());
        assertThat(badPort.exit()).isEqualTo(2);
        assertThat(badPort.err()).contains("http.port = 'abc'");
        var badZone = run("backup", "--config", config("timezone=Mars/Olympus\n").toString(), "b.db");
        assertThat(badZone.err()).contains("timezone = 'Mars/Olympus'");
    }

    @Test
    void an_unwritable_database_folder_names_db_path() throws Exception {
        Path locked = Files.createDirectory(folder.resolve("locked"));
        Files.writeString(locked.resolve("file"), "x");
        var run = run("backup", "--config", config("").toString().replace("x", "x"),
                folder.resolve("b.db").toString());
        assertThat(run.exit()).isZero();
        Path cfg = folder.resolve("bad.properties");
        Files.writeString(cfg, "db.path=" + locked.resolve("file/planbot.db") + "\n");
        var bad = run("backup", "--config", cfg.toString(), folder.resolve("c.db").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("db.path");
    }

    @Test
    void token_create_prints_a_token_whose_text_is_not_stored() throws Exception {
        Path cfg = config("");
        var created = run("token", "create", "--name", "Anna", "--role", "coordinator", "--config", cfg.toString());
        assertThat(created.exit()).isZero();
        String token = created.out().trim();
        assertThat(token).startsWith("pbt_").hasSizeGreaterThan(40);

        byte[] database = Files.readAllBytes(folder.resolve("db/planbot.db"));
        Path wal = folder.resolve("db/planbot.db-wal");
        String everything = new String(database, StandardCharsets.ISO_8859_1)
                + (Files.exists(wal) ? new String(Files.readAllBytes(wal), StandardCharsets.ISO_8859_1) : "");
        assertThat(everything).doesNotContain(token).doesNotContain(token.substring(4));
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("db/planbot.db"));
                var rows = connection.createStatement().executeQuery("select token_hash from api_tokens")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).hasSize(64).doesNotContain(token);
        }

        var twoLines = run("token", "create", "--name", "Eva\r\nX", "--role", "admin", "--config", cfg.toString());
        assertThat(twoLines.exit()).as("the name is written into history as who changed what").isEqualTo(2);
        assertThat(twoLines.out()).doesNotContain("pbt_");
        assertThat(twoLines.err()).contains("en rad");

        var badRole = run("token", "create", "--name", "Anna", "--role", "chef", "--config", cfg.toString());
        assertThat(badRole.exit()).isEqualTo(2);
        assertThat(badRole.err()).contains("--role 'chef'");
    }

    @Test
    void tokens_are_listed_without_their_secret_and_a_revoked_one_stops_working() throws Exception {
        Path cfg = config("");
        String token = run("token", "create", "--name", "Anna", "--role", "coordinator", "--config", cfg.toString())
                .out().trim();
        var list = run("token", "list", "--config", cfg.toString());
        assertThat(list.out()).contains("1  Anna", "coordinator", "skapad").doesNotContain(token)
                .doesNotContain("återkallad");

        var revoked = run("token", "revoke", "1", "--config", cfg.toString());
        assertThat(revoked.exit()).isZero();
        assertThat(revoked.out()).contains("Token 1 (Anna) är återkallad.");
        assertThat(run("token", "list", "--config", cfg.toString()).out()).contains("återkallad");
        try (Planbot planbot = new Planbot(se.planbot.config.Config.load(cfg, true, java.util.Map.of()),
                java.time.Clock.systemUTC())) {
            assertThat(planbot.tokens().verify(token)).isEmpty();
        }
        var unknown = run("token", "revoke", "99", "--config", cfg.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("Token 99 finns inte");
    }

    @Test
    void import_reports_bad_rows_and_export_writes_the_plan() throws Exception {
        Path cfg = config("");
        Path bad = folder.resolve("bad.csv");
        Files.writeString(bad, "Kod;Åtgärd;Strategi;Klart senast\n1.1;Lots;1 Service;2026-02-30\n");
        var failed = run("import", bad.toString(), "--config", cfg.toString());
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.err()).contains("rad 2: Klart senast '2026-02-30' är inget datum");

        Path good = folder.resolve("good.csv");
        Files.writeString(good, "Kod;Åtgärd;Strategi;Klart senast\n1.1;Lots;1 Service;2026-02-28\n");
        assertThat(run("import", good.toString(), "--config", cfg.toString()).out()).contains("1 nya");
        Path out = folder.resolve("out.xlsx");
        assertThat(run("export", out.toString(), "--config", cfg.toString()).out()).contains("Exporterade 1 åtgärd till");
        assertThat(Files.size(out)).isGreaterThan(1000);

        var missing = run("import", folder.resolve("nope.csv").toString(), "--config", cfg.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("finns inte");
    }

    @Test
    void a_folder_or_a_path_through_a_file_is_one_line_and_no_stack_trace() throws Exception {
        Path cfg = config("");
        Path dir = Files.createDirectory(folder.resolve("mapp.csv"));
        Path file = Files.writeString(folder.resolve("fil.txt"), "x");

        var importFolder = run("import", dir.toString(), "--config", cfg.toString());
        assertThat(importFolder.exit()).isEqualTo(2);
        assertThat(importFolder.err().lines()).hasSize(1);
        assertThat(importFolder.err()).contains("mapp.csv").doesNotContain("Exception");

        var exportThroughFile = run("export", file.resolve("plan.csv").toString(), "--config", cfg.toString());
        assertThat(exportThroughFile.exit()).isEqualTo(1);
        assertThat(exportThroughFile.err().lines()).hasSize(1);
        assertThat(exportThroughFile.err()).contains("fil.txt").doesNotContain("Exception");

        var backupToFolder = run("backup", dir.toString(), "--config", cfg.toString());
        assertThat(backupToFolder.exit()).isEqualTo(2);
        assertThat(backupToFolder.err().lines()).hasSize(1);
        assertThat(backupToFolder.err()).contains("mapp.csv").doesNotContain("Exception");
        assertThat(folder.resolve("mapp.csv.partial")).doesNotExist();
    }

    @Test
    void serve_on_a_port_in_use_says_so_in_one_line() throws Exception {
        try (var taken = new java.net.ServerSocket(0)) {
            Path cfg = config("");
            Files.writeString(cfg, Files.readString(cfg).replace("http.port=0", "http.port=" + taken.getLocalPort()));
            var run = run("serve", "--config", cfg.toString());
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err().lines()).hasSize(1);
            assertThat(run.err()).contains(String.valueOf(taken.getLocalPort()), "http.port").doesNotContain("Exception");
        }
    }
}
