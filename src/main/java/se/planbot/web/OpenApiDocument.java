package se.planbot.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The JSON API described for generators and integrators' tools: the OpenAPI 3.1 document kept in
 * {@code src/main/resources/openapi/planbot.json}. Tests hold it to the route table and to real answers.
 *
 * <pre>curl -s localhost:7070/api/v1/openapi.json</pre>
 */
public final class OpenApiDocument {

    public static final String PATH = "/api/v1/openapi.json";
    static final String RESOURCE = "/openapi/planbot.json";

    private final byte[] document = read();

    public void serve(Context ctx) {
        ctx.contentType("application/json; charset=utf-8").result(document);
    }

    /** The document as Planbot serves it. */
    public static byte[] read() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("OpenAPI-dokumentet " + RESOURCE + " saknas i Planbots jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
