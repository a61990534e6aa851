package se.planbot.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A local stand-in for Slack's Web API and response_url: records every call, answers auth.test,
 * chat.postMessage, views.open and views.publish like Slack, and can answer 429 or an error once.
 */
public final class FakeSlackApi implements AutoCloseable {

    /** One call as received: the path, the form fields (Web API) or JSON text (response_url), the time. */
    record Call(String path, Map<String, String> form, String body, String authorization, Instant at) {
        String method() {
            return path.replaceFirst("^/api/", "");
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger rateLimitsLeft = new AtomicInteger();
    private volatile String retryAfter = "1";
    private volatile String errorOnce;
    private volatile int statusOnce;
    private volatile String socketUrl = "ws://127.0.0.1:9/";

    public FakeSlackApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    String responseUrl(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/response/" + name;
    }

    /** The next chat.postMessage gets 429 with this Retry-After. */
    void rateLimitOnce(String retryAfterSeconds) {
        retryAfter = retryAfterSeconds;
        rateLimitsLeft.set(1);
    }

    /** The next chat.postMessage answers {"ok":false,"error":error}. */
    void failOnce(String error) {
        errorOnce = error;
    }

    /** Where apps.connections.open sends Socket Mode clients. */
    void socketUrl(String url) {
        socketUrl = url;
    }

    /** The next chat.postMessage answers this HTTP status. */
    void statusOnce(int status) {
        statusOnce = status;
    }

    List<Call> calls(String method) {
        return calls.stream().filter(call -> call.method().equals(method) || call.path().equals(method)).toList();
    }

    List<Call> responses() {
        return calls.stream().filter(call -> call.path().startsWith("/response/")).toList();
    }

    /** Waits (up to 10 s) until {@code count} calls match; returns them. */
    List<Call> await(Predicate<Call> which, int count) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until) {
            var matching = calls.stream().filter(which).toList();
            if (matching.size() >= count) {
                return matching;
            }
            Thread.sleep(20);
        }
        return calls.stream().filter(which).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        var form = new LinkedHashMap<String, String>();
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            for (String pair : body.split("&")) {
                if (!pair.isEmpty()) {
                    String[] parts = pair.split("=", 2);
                    form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                            parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
                }
            }
        }
        var call = new Call(path, form, body, exchange.getRequestHeaders().getFirst("Authorization"), Instant.now());
        if (path.equals("/api/chat.postMessage")) {
            if (rateLimitsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                calls.add(new Call(path + "#429", form, body, call.authorization(), call.at()));
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
                answer(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
                return;
            }
            if (statusOnce != 0) {
                int status = statusOnce;
                statusOnce = 0;
                calls.add(new Call(path + "#" + status, form, body, call.authorization(), call.at()));
                answer(exchange, status, "{\"ok\":false,\"error\":\"fatal_error\"}");
                return;
            }
            if (errorOnce != null) {
                String error = errorOnce;
                errorOnce = null;
                calls.add(new Call(path + "#" + error, form, body, call.authorization(), call.at()));
                answer(exchange, 200, "{\"ok\":false,\"error\":\"" + error + "\"}");
                return;
            }
        }
        calls.add(call);
        if ("Bearer xoxb-wrong".equals(call.authorization())) {
            answer(exchange, 200, "{\"ok\":false,\"error\":\"invalid_auth\"}");
            return;
        }
        String answer = switch (path) {
            case "/api/auth.test" -> "{\"ok\":true,\"url\":\"https://planbot-test.slack.com/\",\"team\":\"Test\","
                    + "\"user\":\"planbot\",\"team_id\":\"T0TEST\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\"}";
            case "/api/chat.postMessage" -> "{\"ok\":true,\"channel\":\"" + form.getOrDefault("channel", "")
                    + "\",\"ts\":\"1700000000.00" + calls.size() + "\"}";
            case "/api/views.open", "/api/views.publish" -> "{\"ok\":true,\"view\":{\"id\":\"V0VIEW\"}}";
            case "/api/apps.connections.open" -> "{\"ok\":true,\"url\":\"" + socketUrl + "\"}";
            default -> path.startsWith("/response/") ? "ok" : "{\"ok\":false,\"error\":\"unknown_method\"}";
        };
        answer(exchange, 200, answer);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type",
                body.startsWith("{") ? "application/json; charset=utf-8" : "text/plain");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    List<Call> all() {
        return new ArrayList<>(calls);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
