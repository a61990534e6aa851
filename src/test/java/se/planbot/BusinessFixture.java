package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.planbot.auth.TokenRole;
import se.planbot.config.Config;
import se.planbot.db.Jdbc;

/**
 * A real Planbot for the business tests: SQLite file in a temp folder, demo plan, the project's
 * templates, HTTP on port 0, a clock the test moves, a coordinator token, and a browser-like
 * client that keeps cookies (a second client without cookies plays a mail client).
 */
final class BusinessFixture implements AutoCloseable {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    final MutableClock clock;
    final Path outboxFolder;
    final Planbot planbot;
    final String token;
    /** Only admin may erase a subscriber or retry a dead message. */
    final String adminToken;
    final String base;
    final HttpClient browser = HttpClient.newBuilder().cookieHandler(new BrowserCookies()).build();
    final HttpClient cookieless = HttpClient.newHttpClient();

    BusinessFixture(Path folder, Instant now) {
        this(folder, now, Map.of());
    }

    BusinessFixture(Path folder, Instant now, Map<String, String> settings) {
        clock = new MutableClock(now);
        outboxFolder = folder.resolve("outbox");
        var values = new LinkedHashMap<String, String>();
        values.put("http.port", "0");
        values.put("db.path", folder.resolve("planbot.db").toString());
        values.put("mail.file-dir", outboxFolder.toString());
        values.put("public.base-url", "https://planbot.example.se");
        values.put("mail.from", "Näringsliv Alingsås <naringsliv@example.se>");
        values.putAll(settings);
        planbot = new Planbot(Config.of(values), clock);
        planbot.loadDemo();
        planbot.start();
        base = "http://localhost:" + planbot.port();
        token = planbot.tokens().create("test", TokenRole.COORDINATOR);
        adminToken = planbot.tokens().create("test-admin", TokenRole.ADMIN);
    }

    static Instant at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(STOCKHOLM).toInstant();
    }

    ZonedDateTime now() {
        return clock.instant().atZone(STOCKHOLM);
    }

    HttpResponse<String> get(String path) {
        return send(browser, HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** Posts a form as a browser does: first GETs {@code formPage} for its CSRF cookie and field. */
    HttpResponse<String> submit(String formPage, String action, Map<String, ?> fields) {
        var page = get(formPage);
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("CSRF field on " + formPage).isTrue();
        var all = new LinkedHashMap<String, Object>(fields);
        all.put("csrf", csrf.group(1));
        return post(browser, action, all);
    }

    HttpResponse<String> post(HttpClient client, String path, Map<String, ?> fields) {
        return send(client, HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build());
    }

    HttpResponse<String> api(String method, String path, String body) {
        return api(token, method, path, body);
    }

    HttpResponse<String> adminApi(String method, String path, String body) {
        return api(adminToken, method, path, body);
    }

    private HttpResponse<String> api(String bearer, String method, String path, String body) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(cookieless, request.build());
    }

    /** Sends a request as a program does: no cookies, no token unless the request has one. */
    HttpResponse<String> send(HttpRequest request) {
        return send(cookieless, request);
    }

    JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** Creates and publishes a dialog through the API; returns its id. */
    /** Starts, fills (every section ready) and publishes the yearly follow-up for {@code year}. */
    void publishFollowUp(int year) {
        var reports = planbot.followUp().reports();
        reports.startDraft(year, "Koordinatorn");
        for (var section : se.planbot.followup.Section.values()) {
            reports.saveSection(year, section, "Under " + year + " gick arbetet med " + section.title().toLowerCase()
                    + " framåt; företagen i kommunen bidrog med förslag.", true, "Koordinatorn");
        }
        reports.saveMeetings(year, (year + 1) + "-04-15 Näringslivsforum\n" + (year + 1) + "-11-20 Årlig avstämning med kommunstyrelsen");
        reports.publish(year, "Koordinatorn");
    }

    long publishDialog(String title, String start, String end, Integer capacity, String strategies) {
        String body = "{\"title\":" + quote(title) + ",\"theme\":\"Innovationskraft\",\"start\":\"" + start
                + "\",\"end\":\"" + end + "\",\"place\":\"Stadshuset, sal 1\",\"strategies\":" + strategies
                + (capacity == null ? "" : ",\"capacity\":" + capacity) + "}";
        var created = api("POST", "/api/v1/dialogs", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = json(created).get("id").asLong();
        var published = api("POST", "/api/v1/dialogs/" + id + "/publish", null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return id;
    }

    /** Subscribes {@code email} through the form and confirms through the mailed link's page. */
    void subscribeAndConfirm(String email, String name, List<Integer> topics) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("email", email);
        fields.put("name", name);
        fields.put("company", "Företaget AB");
        fields.put("topics", topics);
        fields.put("consent", "yes");
        var sent = submit("/subscribe", "/subscribe", fields);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        String confirmUrl = lastMail(email, "subscribe-confirm").get("confirmUrl").asText();
        String path = path(confirmUrl);
        String token = path.substring(path.indexOf("token=") + 6);
        var confirmed = submit(path, "/subscribe/confirm", Map.of("token", token));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    }

    /** The model of the newest outbox message of {@code template} to {@code recipient}. */
    JsonNode lastMail(String recipient, String template) {
        List<JsonNode> mails = mails(recipient, template);
        assertThat(mails).as("mails " + template + " to " + recipient).isNotEmpty();
        return mails.get(mails.size() - 1);
    }

    List<JsonNode> mails(String recipient, String template) {
        List<String> payloads = planbot.database().read(connection -> Jdbc.list(connection,
                "select payload from outbox where recipient = ? and template = ? order by id",
                rows -> rows.getString(1), recipient, template));
        var result = new ArrayList<JsonNode>();
        for (String payload : payloads) {
            try {
                result.add(JSON.readTree(payload));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        return result;
    }

    /**
     * Sends what is due and returns the decoded text part of the newest mail of {@code template} to
     * {@code recipient} that the file transport wrote (with the default {@code mail.transport=file}).
     */
    String sentText(String recipient, String template) {
        planbot.dispatcher().dispatchDue();
        try (var files = java.nio.file.Files.list(outboxFolder)) {
            String text = null;
            // File names are <created>-outbox-<id>-<template>.eml: the newest is the highest id.
            for (Path file : files.filter(each -> each.getFileName().toString().endsWith("-" + template + ".eml"))
                    .sorted(java.util.Comparator.comparingLong(BusinessFixture::outboxId)).toList()) {
                try (var in = java.nio.file.Files.newInputStream(file)) {
                    var message = new jakarta.mail.internet.MimeMessage(
                            jakarta.mail.Session.getInstance(new java.util.Properties()), in);
                    if (message.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString().contains(recipient)) {
                        Object content = message.getContent();
                        var alternative = (jakarta.mail.Multipart) (content instanceof jakarta.mail.Multipart mixed
                                && mixed.getContentType().startsWith("multipart/mixed")
                                ? mixed.getBodyPart(0).getContent() : content);
                        text = (String) alternative.getBodyPart(0).getContent();
                    }
                }
            }
            if (text == null) {
                throw new AssertionError("no " + template + " to " + recipient + " in " + outboxFolder);
            }
            return text;
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static long outboxId(Path eml) {
        Matcher id = Pattern.compile("-outbox-(\\d+)-").matcher(eml.getFileName().toString());
        return id.find() ? Long.parseLong(id.group(1)) : 0;
    }

    /** Mails of this feature in the outbox (the start-up sweep queues deadline reminders of its own, at its own pace). */
    long businessMailCount() {
        return planbot.database().read(connection -> Jdbc.count(connection, """
                select count(*) from outbox where template like 'subscribe-%' or template like 'dialog-%'
                   or template like 'registration-%'"""));
    }

    String subscriberStatus(String email) {
        return planbot.database().read(connection -> Jdbc.one(connection,
                "select status from subscribers where email = ?", rows -> rows.getString(1), email)).orElse("none");
    }

    /** The path and query of a link in a mail (mails use public.base-url; the test talks to localhost). */
    static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String form(Map<String, ?> fields) {
        var body = new StringBuilder();
        fields.forEach((name, value) -> {
            List<?> values = value instanceof List<?> list ? list : List.of(value);
            for (Object each : values) {
                if (!body.isEmpty()) {
                    body.append('&');
                }
                body.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(String.valueOf(each), StandardCharsets.UTF_8));
            }
        });
        return body.toString();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        planbot.close();
    }

    /**
     * Cookies as the browser behind https://planbot.example.se keeps them. The test talks to
     * http://localhost, where java.net.CookieManager would withhold a Secure cookie; a browser
     * on the real https address would send it.
     */
    static final class BrowserCookies extends CookieHandler {
        private final Map<String, String> jar = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) {
            if (jar.isEmpty()) {
                return Map.of();
            }
            var cookie = new StringBuilder();
            jar.forEach((name, value) -> cookie.append(cookie.isEmpty() ? "" : "; ").append(name).append('=').append(value));
            return Map.of("Cookie", List.of(cookie.toString()));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) {
            headers.forEach((name, values) -> {
                if ("set-cookie".equalsIgnoreCase(name)) {
                    for (String value : values) {
                        String pair = value.split(";", 2)[0];
                        int equals = pair.indexOf('=');
                        jar.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
                    }
                }
            });
        }
    }
}
