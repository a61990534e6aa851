package se.planbot.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real, throwaway PostgreSQL server for the tests: {@code initdb} into a temp folder and
 * {@code pg_ctl start} on a free port of 127.0.0.1 (as the {@code postgres} user when the tests run
 * as root, which initdb refuses), started once per JVM and stopped with it. Each test gets a
 * database of its own ({@link #newDatabase()}). Needs Debian's postgresql (see
 * .ci/needs-postgres.sh); never a mock, never H2.
 */
public final class PostgresServer {

    private static PostgresServer running;
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String TEMPLATE = "planbot_template";
    private boolean templateReady;

    private final Path folder;
    private final Path bin;
    private final int port;

    private PostgresServer(Path folder, Path bin, int port) {
        this.folder = folder;
        this.bin = bin;
        this.port = port;
    }

    /** The server of this JVM, started the first time it is asked for (about a second). */
    public static synchronized PostgresServer get() {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop));
        }
        return running;
    }

    public int port() {
        return port;
    }

    /**
     * A new database on the server, migrated and empty; its JDBC url (user postgres, no password).
     * Copied from a template migrated once per server (a copy takes milliseconds, Flyway's
     * migrations seconds); {@link #newEmptyDatabase()} for one Flyway has not touched.
     */
    public synchronized String newDatabase() {
        if (!templateReady) {
            String template = url(TEMPLATE);
            execute("create database " + TEMPLATE);
            Database.open(new DatabaseSettings(template, "postgres", "")).close();
            templateReady = true;
        }
        String name = nextName();
        execute("create database " + name + " template " + TEMPLATE);
        return url(name);
    }

    /** A new database with nothing in it, not even Flyway's history. */
    public String newEmptyDatabase() {
        String name = nextName();
        execute("create database " + name);
        return url(name);
    }

    private static String nextName() {
        return "planbot_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    }

    private void execute(String sql) {
        try (var connection = DriverManager.getConnection(url("postgres"), "postgres", "");
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run on the test server: " + sql, e);
        }
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    private static PostgresServer start() {
        Path bin = binFolder();
        try {
            Path folder = Files.createTempDirectory("planbot-pg-");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                Files.setOwner(folder, folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres"));
            }
            Path data = folder.resolve("data");
            run(root, folder, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                    "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync");
            int port = freePort();
            String options = "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off"
                    + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
            run(root, folder, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                    folder.resolve("server.log").toString(), "-o", options, "-w", "-t", "30", "start");
            return new PostgresServer(folder, bin, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a throwaway PostgreSQL", e);
        }
    }

    private void stop() {
        try {
            run("root".equals(System.getProperty("user.name")), folder, bin.resolve("pg_ctl").toString(), "-D",
                    folder.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } catch (RuntimeException e) {
            // The JVM is ending; a server left running is found by its folder in /tmp.
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // Best effort.
        }
    }

    private static Path binFolder() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin")).filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("no initdb under /usr/lib/postgresql"));
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL is not installed: run .ci/needs-postgres.sh", e);
        }
    }

    private static void run(boolean asPostgres, Path folder, String... command) {
        var line = new ArrayList<String>();
        if (asPostgres) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        try {
            var process = new ProcessBuilder(line).directory(folder.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
