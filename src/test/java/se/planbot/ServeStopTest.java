package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code planbot serve} in its own JVM, stopped the way systemd stops it: SIGTERM. */
class ServeStopTest {

    @TempDir
    Path folder;

    @Test
    void sigterm_logs_stopped_and_exits_0() throws Exception {
        Path configFile = folder.resolve("planbot.properties");
        Files.writeString(configFile, String.join("\n",
                TestDatabase.configLines(folder.resolve("planbot.db")),
                "mail.file-dir=" + folder.resolve("mail"),
                "templates.dir=" + Path.of("templates").toAbsolutePath(),
                "http.port=0", ""));
        Path log = folder.resolve("serve.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process serve = new ProcessBuilder(java,
                "-Dlogback.configurationFile=" + Path.of("config/logback.xml").toAbsolutePath(), "-cp", System.getProperty("java.class.path"), "se.planbot.Main",
                "--config", configFile.toString(), "serve")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            for (int i = 0; i < 1200 && serve.isAlive() && !Files.readString(log).contains("Planbot listening"); i++) {
                Thread.sleep(50);
            }
            assertThat(Files.readString(log)).as("serve started").contains("Planbot listening");

            serve.destroy(); // SIGTERM on Linux

            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("serve stopped").isTrue();
            assertThat(serve.exitValue()).as(Files.readString(log)).isZero();
            assertThat(Files.readString(log)).contains("Planbot stopped");
        } finally {
            serve.destroyForcibly();
        }
    }

    @Test
    void the_systemd_unit_is_valid_and_runs_serve_as_its_own_user() throws Exception {
        String unit = Files.readString(Path.of("config/planbot.service"));
        assertThat(unit).contains("User=planbot", "StateDirectory=planbot", "Restart=on-failure", " serve");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")), "systemd-analyze is installed");
        Process verify = new ProcessBuilder("systemd-analyze", "verify", Path.of("config/planbot.service").toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        String output = new String(verify.getInputStream().readAllBytes());
        assertThat(verify.waitFor()).as(output).isZero();
        assertThat(output).isEmpty();
    }
}
