package se.planbot.indicators;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A local stand-in for Kolada's API v3 on a free port: each path (with its query) answers the
 * queued responses in order (the last one repeats); unknown paths are 404. It records every
 * request's path and query.
 */
public final class FakeKolada implements AutoCloseable {

    record Answer(int status, String body, long delayMillis) {
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> answers = new HashMap<>();
    private final List<String> requests = new ArrayList<>();

    public FakeKolada() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String target = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            Answer answer;
            synchronized (this) {
                requests.add(target);
                var queue = answers.get(target);
                answer = queue == null ? new Answer(404, "{\"error\":\"not found\"}", 0)
                        : queue.size() > 1 ? queue.poll() : queue.peek();
            }
            if (answer.delayMillis() > 0) {
                try {
                    Thread.sleep(answer.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** The base URL, as kolada.api-url: {@code http://127.0.0.1:PORT/v3}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v3";
    }

    public synchronized FakeKolada answer(String pathAndQuery, int status, String body) {
        return answer(pathAndQuery, new Answer(status, body, 0));
    }

    synchronized FakeKolada answer(String pathAndQuery, Answer answer) {
        answers.computeIfAbsent("/v3" + pathAndQuery, key -> new ArrayDeque<>()).add(answer);
        return this;
    }

    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    /** One v3 data row: {@code {"kpi":…,"municipality":…,"period":2023,"values":[T, K, M]}}; a null total stays null. */
    public static String row(String kpi, String municipality, int year, String total) {
        return """
                {"kpi":"%s","municipality":"%s","period":%d,"values":[
                  {"gender":"K","status":"","value":%s},
                  {"gender":"M","status":"","value":%s},
                  {"gender":"T","status":"%s","value":%s}]}""".formatted(kpi, municipality, year,
                total == null ? "null" : "1" + total, total == null ? "null" : "2" + total,
                total == null ? "Missing" : "", total == null ? "null" : total);
    }

    public static String page(String nextUrl, String... rows) {
        return "{\"values\":[" + String.join(",", rows) + "]" + (nextUrl == null ? "" : ",\"next_url\":\"" + nextUrl + "\"")
                + "}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
