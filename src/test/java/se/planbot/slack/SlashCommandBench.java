package se.planbot.slack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import se.planbot.Planbot;
import se.planbot.config.Config;
import se.planbot.plan.PersonDraft;
import se.planbot.plan.PersonRole;

/**
 * Benchmark (not a test): slash-command latency and throughput against a database of 10,000
 * actions, beside {@code GET /health} of the same server as a baseline. Planbot runs as its own
 * process (the real jar); this JVM seeds the database, plays Slack's Web API (auth.test) and
 * sends signed requests at a fixed rate (open loop: latency counts from when a request was due,
 * so a slow server cannot hide queueing). Run with bench/slack-bench.sh.
 */
public final class SlashCommandBench {

    private static final String SECRET = "bench-signing-secret";
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .executor(Executors.newFixedThreadPool(8)).version(HttpClient.Version.HTTP_1_1).build();
    private static final AtomicLong SEQUENCE = new AtomicLong();

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "bench/out");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Files.createDirectories(work);
        Path database = work.resolve("bench.db");
        Files.deleteIfExists(database);
        Files.deleteIfExists(work.resolve("bench.db-wal"));
        Files.deleteIfExists(work.resolve("bench.db-shm"));
        try (var slackApi = new FakeSlackApi()) {
            int port = 17070 + (int) (ProcessHandle.current().pid() % 1000);
            var settings = Map.of("db.path", database.toString(), "http.port", Integer.toString(port),
                    "slack.bot-token", "xoxb-bench", "slack.signing-secret", SECRET, "slack.api-url", slackApi.apiUrl());
            long seeded = seed(Config.of(settings));
            Path config = work.resolve("bench.properties");
            var text = new StringBuilder();
            settings.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
            Files.writeString(config, text.toString(), StandardCharsets.UTF_8);
            Process server = new ProcessBuilder("java", "-Xmx512m", "-jar", "target/planbot.jar", "serve", "--config",
                    config.toString()).redirectErrorStream(true).redirectOutput(work.resolve("server.log").toFile()).start();
            try {
                String base = "http://127.0.0.1:" + port;
                waitForHealth(base);
                System.out.printf(Locale.ROOT, "Planbot (separate JVM) with %d actions; %d s per run; %d cores%n",
                        seeded, seconds, Runtime.getRuntime().availableProcessors());
                System.out.println("| endpoint | rate req/s | sent | 200 OK | of which deferred | throughput req/s "
                        + "| median ms | p99 ms | max ms |");
                System.out.println("|---|---|---|---|---|---|---|---|---|");
                run("warm-up /plan 1234", base, 50, 5, () -> command(base, "1234"), false);
                for (int rate : new int[] {50, 200}) {
                    run("GET /health", base, rate, seconds, () -> get(base + "/health"), true);
                    run("/plan <id> (detail)", base, rate, seconds,
                            () -> command(base, Long.toString(1 + SEQUENCE.get() % 10_000)), true);
                    run("/plan turism (search)", base, rate, seconds, () -> command(base, "turism"), true);
                    run("/plan försenade (list)", base, rate, seconds, () -> command(base, "försenade"), true);
                    run("/plan mina (owner)", base, rate, seconds, () -> command(base, "mina"), true);
                }
                System.out.println();
                System.out.println("Closed loop, 16 connections, as fast as the server answers:");
                System.out.println("| endpoint | requests | 200 OK | throughput req/s | median ms | p99 ms |");
                System.out.println("|---|---|---|---|---|---|");
                saturate("GET /health", 16, seconds, () -> get(base + "/health"));
                saturate("/plan <id> (detail)", 16, seconds, () -> command(base, Long.toString(1 + SEQUENCE.get() % 10_000)));
                saturate("/plan turism (search)", 16, seconds, () -> command(base, "turism"));
            } finally {
                server.destroy();
                server.waitFor();
            }
        }
    }

    /** 10,000 actions in six strategies, 50 owners (one linked to Slack user U0BENCH), a quarter overdue. */
    private static long seed(Config config) throws IOException {
        try (var planbot = new Planbot(config, Clock.systemUTC())) {
            planbot.plan().createPerson(new PersonDraft("Owner 0", "owner0@example.se", "U0BENCH", PersonRole.OWNER));
            var csv = new StringBuilder("Kod;Åtgärd;Beskrivning;Strategi;Ansvarig;E-post;Förvaltning;Start;Klart senast;Status;Framsteg;Ursprung\n");
            LocalDate today = LocalDate.now();
            String[] words = {"turism", "kompetens", "lokaler", "innovation", "bemötande", "handel", "logistik", "energi"};
            for (int i = 1; i <= 10_000; i++) {
                int strategy = 1 + i % 6;
                csv.append(strategy).append('.').append(i).append(";Åtgärd ").append(i).append(' ')
                        .append(words[i % words.length]).append(" och ").append(words[(i / 8) % words.length])
                        .append(";Beskrivning av åtgärd ").append(i).append(" inom ").append(words[(i / 3) % words.length])
                        .append(";").append(strategy).append(" Strategi ").append(strategy)
                        .append(";Owner ").append(i % 50).append(";owner").append(i % 50).append("@example.se;Förvaltning;")
                        .append(today.minusDays(400)).append(';').append(today.plusDays((i % 4 == 0 ? -1 : 1) * (1 + i % 300)))
                        .append(';').append(i % 3 == 0 ? "Planerad" : "Pågår").append(';').append(i % 100).append(";plan\n");
            }
            planbot.transfer().importCsv(csv.toString().getBytes(StandardCharsets.UTF_8), "bench");
            return planbot.plan().actions(se.planbot.plan.ActionFilter.all()).size();
        }
    }

    private static HttpRequest command(String base, String text) {
        long n = SEQUENCE.incrementAndGet();
        String body = "token=x&team_id=T0BENCH&channel_id=C0BENCH&user_id=U0BENCH&command=%2Fplan&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&response_url=http%3A%2F%2F127.0.0.1%3A9%2Fresponse&trigger_id=bench." + n;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String signature = new RequestSignature(SECRET, Clock.systemUTC()).sign(timestamp, bytes);
        return HttpRequest.newBuilder(URI.create(base + SlackEventsRoute.PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp).header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
    }

    private static HttpRequest get(String url) {
        SEQUENCE.incrementAndGet();
        return HttpRequest.newBuilder(URI.create(url)).GET().build();
    }

    private static void run(String name, String base, int rate, int seconds, Supplier<HttpRequest> requests,
            boolean print) throws Exception {
        var latencies = new ConcurrentLinkedQueue<Long>();
        var ok = new AtomicInteger();
        var deferred = new AtomicInteger();
        var futures = new ArrayList<CompletableFuture<?>>();
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        int total = rate * seconds;
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            futures.add(HTTP.sendAsync(requests.get(), HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) -> {
                latencies.add(System.nanoTime() - due);
                if (error == null && response.statusCode() == 200) {
                    ok.incrementAndGet();
                    String body = new String(response.body(), StandardCharsets.UTF_8);
                    if (body.contains("Jag letar fram svaret") || body.contains("många frågor")) {
                        deferred.incrementAndGet();
                    }
                }
            }));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        if (print) {
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f | %.2f | %.2f | %.2f |%n", name, rate, total,
                    ok.get(), deferred.get(), ok.get() / elapsed, percentile(sorted, 0.50), percentile(sorted, 0.99), percentile(sorted, 1.0));
        }
    }

    private static void saturate(String name, int connections, int seconds, Supplier<HttpRequest> requests)
            throws Exception {
        var latencies = new ConcurrentLinkedQueue<Long>();
        var ok = new AtomicInteger();
        var sent = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        var workers = new ArrayList<Thread>();
        for (int i = 0; i < connections; i++) {
            var worker = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long began = System.nanoTime();
                    sent.incrementAndGet();
                    try {
                        if (HTTP.send(requests.get(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                            ok.incrementAndGet();
                        }
                    } catch (Exception e) {
                        // counted as not OK
                    }
                    latencies.add(System.nanoTime() - began);
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %.0f | %.2f | %.2f |%n", name, sent.get(), ok.get(),
                ok.get() / elapsed, percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }

    private static void waitForHealth(String base) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("Planbot did not start; see bench/out/server.log");
    }
}
