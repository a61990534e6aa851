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

    /** A form post without the CSRF field (another site's form). */
    HttpResponse<String> postWithoutCsrf(String path, Map<String, String> fields) {
        var body = new StringBuilder("x=1");
        fields.forEach((name, value) -> body.append('&').append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookies)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
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
