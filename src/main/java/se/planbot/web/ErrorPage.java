package se.planbot.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The Swedish page for what Jetty refuses before Planbot sees it (a NUL in the path, a too-long
 * address, oversized headers): Jetty's own answer is an English page that names Jetty.
 */
final class ErrorPage extends ErrorHandler {

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        return ByteBuffer.wrap(html(status).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
            String contentType, List<Charset> charsets, int code, String message, Throwable cause) throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.write(true, ByteBuffer.wrap(html(code).getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    static String html(int status) {
        String title = switch (status) {
            case 414 -> "Adressen är för lång";
            case 431 -> "Begäran har för mycket i sina rubriker";
            default -> "Begäran kunde inte läsas";
        };
        return """
                <!DOCTYPE html>
                <html lang="sv">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title><link rel="stylesheet" href="/style.css"></head>
                <body><main id="innehall">
                <h1>%s</h1>
                <p>Webbläsaren skickade något som Planbot inte kan läsa, och ingenting har ändrats.
                Kontrollera adressen eller gå till startsidan och försök igen.</p>
                <p><a href="/">Till startsidan</a></p>
                </main></body>
                </html>
                """.formatted(title, title);
    }
}
