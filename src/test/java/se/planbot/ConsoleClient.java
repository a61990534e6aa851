package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.planbot.plan.Person;

/**
 * A browser signed in to the console as one person: the session the real sign-in service
 * begins, its cookie and the CSRF cookie on every request (redirects are not followed).
 */
final class ConsoleClient {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final String CSRF_TOKEN = "A".repeat(43);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String cookies;

    private ConsoleClient(String base, String cookies) {
        this.base = base;
        this.cookies = cookies;
    }

    /** Signed in as {@code person}, through SignInService.signIn as every way of signing in ends. */
    static ConsoleClient signedIn(BusinessFixture app, Person person) {
        String secret = app.planbot.signIn().signIn(person.id(), "test").secret();
        return new ConsoleClient(app.base, "planbot_session=" + secret + "; planbot_csrf=" + CSRF_TOKEN);
    }

    /** Nobody signed in (the CSRF cookie only). */
    static ConsoleClient signedOut(BusinessFixture app) {
        return new ConsoleClient(app.base, "planbot_csrf=" + CSRF_TOKEN);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookies).GET().build());
    }

    /** Posts a form with the CSRF field, as the console's own forms do. */
    HttpResponse<String> post(String path, Map<String, String> fields) {
        var body = new StringBuilder("csrf=" + CSRF_TOKEN);
        fields.forEach((name, value) -> body.append('&').append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookies)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** Posts a multipart form (a file upload) with the CSRF field, as a browser sends one. */
    HttpResponse<String> postFile(String path, Map<String, String> fields, String fileField, String fileName,
            byte[] content) {
        String boundary = "planbot-test-boundary";
        var body = new java.io.ByteArrayOutputStream();
        var all = new java.util.LinkedHashMap<String, String>();
        all.put("csrf", CSRF_TOKEN);
        all.putAll(fields);
        all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookies)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** A form post without the CSRF field (another site's form). */
    HttpResponse<String> postWithoutCsrf(String path, Map<String, String> fields) {
        var body = new StringBuilder("x=1");
        fields.forEach((name, value) -> body.append('&').append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookies)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** Posts a multipart form with the CSRF field and one file, as the import page's form does. */
    HttpResponse<String> postFile(String path, String field, String fileName, byte[] content) {
        String boundary = "----planbot" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + CSRF_TOKEN + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookies)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** A download (export, CSV) as bytes. */
    HttpResponse<byte[]> download(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookies).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String csrfField(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).as("CSRF field in " + page.body()).isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
