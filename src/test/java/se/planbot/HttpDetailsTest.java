package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * HTTP details a user ran into (issue 15, items 23, 25, 26): unknown filter values say so; a form
 * body with an unknown charset or a broken multipart body is a Swedish 400 page that changes
 * nothing and logs no stack trace; a NUL in the path or a too-long URI gets the Swedish page,
 * not Jetty's English one.
 */
class HttpDetailsTest {

    private static final String ANNA = "anna@foretag.se";
    private static final List<String> FORM_POSTS = List.of("/subscribe", "/subscribe/confirm", "/preferences",
            "/unsubscribe", "/my-data/erase", "/dialogs/1/register", "/registrations/cancel");

    @TempDir
    Path folder;
    private BusinessFixture app;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void start() {
        app = new BusinessFixture(folder, Instant.parse("2026-12-01T09:00:00Z"));
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        app.close();
    }

    @Test
    void an_unknown_strategy_or_status_on_the_plan_page_says_so_instead_of_listing_everything() {
        var strategy = app.get("/plan?strategy=99");
        assertThat(strategy.statusCode()).isEqualTo(400);
        assertThat(strategy.body()).contains("Det finns ingen strategi ”99”").doesNotContain("<tbody>");
        var status = app.get("/plan?status=klar");
        assertThat(status.statusCode()).isEqualTo(400);
        assertThat(status.body()).contains("Det finns ingen status ”klar”").doesNotContain("<tbody>");
        assertThat(app.get("/plan?strategy=2&status=in_progress").statusCode()).isEqualTo(200);
    }

    @Test
    void an_unknown_strategy_or_owner_in_the_api_is_a_400_naming_the_filter() {
        var strategy = app.get("/api/v1/actions?strategy=99");
        assertThat(strategy.statusCode()).isEqualTo(400);
        assertThat(strategy.body()).contains("\"field\":\"strategy\"", "strategi 99 finns inte");
        var owner = app.get("/api/v1/actions?owner=9999");
        assertThat(owner.statusCode()).isEqualTo(400);
        assertThat(owner.body()).contains("\"field\":\"owner\"");
    }

    @Test
    void a_form_in_an_unknown_charset_is_a_swedish_400_page_on_every_public_form_and_changes_nothing() throws Exception {
        String unsubscribe = subscribedAnnasUnsubscribeLink();
        for (String path : FORM_POSTS) {
            assertBadRequestPage(post(path, "application/x-www-form-urlencoded; charset=nonsense", "a=b"), path);
        }
        var oneClick = post(unsubscribe, "application/x-www-form-urlencoded; charset=nonsense",
                "List-Unsubscribe=One-Click");
        assertBadRequestPage(oneClick, unsubscribe);
        assertThat(app.subscriberStatus(ANNA)).isEqualTo("confirmed");
        assertNoStackTraceLogged();
    }

    @Test
    void a_broken_multipart_body_is_a_swedish_400_page_on_every_public_form_and_changes_nothing() throws Exception {
        String unsubscribe = subscribedAnnasUnsubscribeLink();
        for (String path : FORM_POSTS) {
            assertBadRequestPage(post(path, "multipart/form-data; boundary=abc", "--xyz\r\nnot a part"), path);
            assertBadRequestPage(post(path, "multipart/form-data", "--xyz\r\n"), path);
        }
        assertBadRequestPage(post(unsubscribe, "multipart/form-data; boundary=abc", "--xyz\r\nbroken"), unsubscribe);
        assertThat(app.subscriberStatus(ANNA)).isEqualTo("confirmed");
        assertNoStackTraceLogged();
    }

    @Test
    void a_nul_in_the_path_gets_the_swedish_page_not_jettys() throws Exception {
        String answer = raw("GET /plan/actions/1%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400").contains("text/html");
        assertThat(body(answer)).contains("lang=\"sv\"", "<h1>Begäran kunde inte läsas</h1>")
                .doesNotContain("Bad Request", "Ambiguous", "Jetty");
    }

    @Test
    void a_too_long_uri_gets_the_swedish_page_not_jettys() throws Exception {
        String answer = raw("GET /plan?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 414").contains("text/html");
        assertThat(body(answer)).contains("lang=\"sv\"", "<h1>Adressen är för lång</h1>")
                .doesNotContain("URI Too Long", "Jetty");
    }

    private String subscribedAnnasUnsubscribeLink() {
        app.subscribeAndConfirm(ANNA, "Anna Andersson", List.of(2));
        app.publishDialog("Frukostmöte", "2026-12-10T09:00", "2026-12-10T11:00", 30, "[2]");
        return BusinessFixture.path(app.lastMail(ANNA, "dialog-invitation").get("unsubscribeUrl").asText());
    }

    /** A fresh client each time: Jetty closes the connection after a body it could not read. */
    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertBadRequestPage(HttpResponse<String> response, String path) {
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).as(path).get().asString().startsWith("text/html");
        assertThat(response.body()).as(path).contains("<h1>Begäran kunde inte läsas</h1>");
    }

    private void assertNoStackTraceLogged() {
        assertThat(log.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .noneMatch(event -> event.getThrowableProxy() != null);
    }

    private static String body(String rawAnswer) {
        return rawAnswer.substring(rawAnswer.indexOf("\r\n\r\n") + 4);
    }

    /** A request as raw bytes: java.net.http refuses to send a NUL or an over-long line itself. */
    private String raw(String request) throws IOException {
        try (var socket = new Socket("localhost", app.planbot.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
