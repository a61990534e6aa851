package se.planbot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import se.planbot.auth.TokenRole;
import se.planbot.config.Config;

/**
 * Planbot as production builds it, on a SQLite file in a temp folder and port 0, at a fixed
 * instant; with a small HTTP client for the tests.
 */
public final class TestPlanbot implements AutoCloseable {

    /** Friday 27 November 2026, 09:00 in Stockholm. */
    public static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

    private final Planbot planbot;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestPlanbot(Planbot planbot) {
        this.planbot = planbot;
    }

    public static TestPlanbot started(Path folder) {
        return started(folder, Map.of());
    }

    public static TestPlanbot started(Path folder, Map<String, String> settings) {
        return new TestPlanbot(create(folder, settings, Clock.fixed(NOW, ZoneOffset.UTC)).start());
    }

    public static Planbot create(Path folder, Map<String, String> settings, Clock clock) {
        var values = new HashMap<String, String>();
        values.putAll(TestDatabase.settings(folder, "planbot.db"));
        values.put("mail.file-dir", folder.resolve("mail").toString());
        values.put("http.port", "0");
        values.putAll(settings);
        return new Planbot(Config.of(values), clock);
    }

    public Planbot planbot() {
        return planbot;
    }

    /** Loads the example plan (config/demo-plan.csv) through the ordinary import. */
    public TestPlanbot withDemo() {
        planbot.loadDemo();
        return this;
    }

    public String token() {
        return planbot.tokens().create("test", TokenRole.COORDINATOR);
    }

    public String url(String path) {
        return "http://localhost:" + planbot.port() + path;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    public HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token).GET().build());
    }

    public HttpResponse<String> send(String method, String path, String token, String body) {
        var builder = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return send(builder.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        planbot.close();
    }
}
