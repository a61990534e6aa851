package se.planbot.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import se.planbot.Planbot;
import se.planbot.config.Config;
import se.planbot.db.Jdbc;
import se.planbot.dialogs.DialogDraft;

/**
 * Benchmark (run by bench/business-bench.sh, not a test): publishing a dialog to N confirmed
 * subscribers (one invitation each, with its own calendar file and link token, in one
 * transaction); then public page throughput with C concurrent clients. Arguments: N, requests, C.
 */
public final class BusinessBench {

    public static void main(String[] args) throws Exception {
        int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 4_000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Path folder = Files.createTempDirectory("planbot-business-bench");
        System.out.printf("Planbot business benchmark: %,d subscribers, %,d requests per page, %d clients, %d cores%n",
                subscribers, requests, clients, Runtime.getRuntime().availableProcessors());
        var config = Config.of(Map.of("http.port", "0", "db.path", folder.resolve("bench.db").toString(),
                "mail.file-dir", folder.resolve("outbox").toString(), "outbox.poll-seconds", "3600",
                "public.base-url", "https://planbot.example.se", "web.forms-per-hour", "100000"));
        try (Planbot planbot = new Planbot(config, Clock.systemUTC())) {
            planbot.loadDemo();
            planbot.database().write(connection -> {
                for (int i = 0; i < subscribers; i++) {
                    long id = Jdbc.insert(connection, """
                            insert into subscribers (email, name, status, created_at, confirmed_at)
                            values (?, ?, 'confirmed', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')""",
                            "person" + i + "@example.se", "Person " + i);
                    Jdbc.update(connection, "insert into subscriber_topics (subscriber_id, strategy_id) values (?, 2)", id);
                }
                return null;
            });
            var start = LocalDateTime.now().plusDays(20).withHour(9).withMinute(0).withSecond(0).withNano(0);
            var dialogs = planbot.dialogs().dialogs();
            var dialog = dialogs.create(new DialogDraft("Benchmarkdialog", "Tema", "Beskrivning", start,
                    start.plusHours(2), "Stadshuset", "", null, List.of(2)));
            long t0 = System.nanoTime();
            dialogs.publish(dialog.id());
            double publishMs = (System.nanoTime() - t0) / 1e6;
            long queued = planbot.database().read(connection -> Jdbc.count(connection,
                    "select count(*) from outbox where template = 'dialog-invitation'"));
            System.out.printf("publish: %,d invitations queued in %.0f ms (%.2f ms each, one transaction)%n",
                    queued, publishMs, publishMs / Math.max(1, queued));

            planbot.start();
            String base = "http://localhost:" + planbot.port();
            var client = HttpClient.newHttpClient();
            for (String path : List.of("/", "/plan", "/dialogs", "/dialogs/" + dialog.id(), "/dialogs.ics", "/subscribe")) {
                measure(client, base + path, requests, clients);
            }
        }
    }

    private static void measure(HttpClient client, String url, int requests, int clients) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).GET().build();
        for (int i = 0; i < 200; i++) {
            client.send(request, HttpResponse.BodyHandlers.discarding());
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        var tasks = new ArrayList<Callable<Void>>();
        for (int c = 0; c < clients; c++) {
            tasks.add(() -> {
                for (int i = 0; i < requests / clients; i++) {
                    long s = System.nanoTime();
                    var response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(url + " answered " + response.statusCode());
                    }
                    latencies.add(System.nanoTime() - s);
                }
                return null;
            });
        }
        for (Future<Void> future : pool.invokeAll(tasks)) {
            future.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("GET %-22s %,7.0f req/s  p50 %5.2f ms  p99 %6.2f ms%n", URI.create(url).getPath(),
                sorted.size() / seconds, sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() * 99 / 100) / 1e6);
    }
}
