package se.planbot.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.json.JavalinJackson;
import io.javalin.rendering.FileRenderer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planbot.problem.InvalidInput;
import se.planbot.problem.NotFound;

/**
 * The HTTP server: every face's {@link Routes}, {@code GET /health}, and one place that turns
 * exceptions into answers. A person's mistake is a 4xx problem+json naming the field; only
 * Planbot's own failures are 500, and those never show internals.
 *
 * <pre>curl -s localhost:7070/health</pre>
 */
public final class WebServer {

    private static final Logger log = LoggerFactory.getLogger(WebServer.class);

    private final Javalin javalin;

    public WebServer(ObjectMapper json, List<Routes> faces, List<HealthCheck> checks) {
        this(json, faces, checks, null, null);
    }

    /** With {@code pages} (may be null) as the renderer of {@code ctx.render(...)}: the public HTML pages. */
    public WebServer(ObjectMapper json, List<Routes> faces, List<HealthCheck> checks, FileRenderer pages,
            Handler pageNotFound) {
        this.javalin = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(json, false));
            if (pages != null) {
                config.fileRenderer(pages);
            }
            config.http.defaultContentType = "application/json; charset=utf-8";
            config.startup.showJavalinBanner = false;
            config.routes.get("/health", ctx -> health(ctx, checks));
            faces.forEach(face -> face.addTo(config.routes));
            config.routes.exception(InvalidInput.class, (e, ctx) ->
                    Problems.write(ctx, 400, "Ogiltig begäran", e.getMessage(), e.errors()));
            config.routes.exception(NotFound.class, (e, ctx) ->
                    Problems.write(ctx, 404, "Finns inte", e.getMessage(), null));
            config.routes.exception(Unauthorized.class, (e, ctx) -> {
                ctx.header("WWW-Authenticate", "Bearer realm=\"planbot\"");
                Problems.write(ctx, 401, "Inloggning krävs", e.getMessage(), null);
            });
            config.routes.exception(Forbidden.class, (e, ctx) ->
                    Problems.write(ctx, 403, "Otillåtet", e.getMessage(), null));
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
                Problems.write(ctx, 500, "Internt fel", "Något gick fel hos Planbot; felet är loggat.", null);
            });
            config.routes.error(404, ctx -> {
                String answered = ctx.res().getContentType();
                if (Pages.isPage(ctx) || (answered != null && answered.startsWith("application/problem+json"))) {
                    return;
                }
                if (pageNotFound != null && !isMachinePath(ctx.path())) {
                    pageNotFound.handle(ctx);
                } else {
                    Problems.write(ctx, 404, "Finns inte", "Ingen sida eller resurs på " + ctx.path(), null);
                }
            });
            config.routes.error(405, ctx -> Problems.write(ctx, 405, "Metoden stöds inte",
                    ctx.method() + " stöds inte på " + ctx.path(), null));
            // Javalin's own answer to an oversized body is plain English text.
            config.routes.error(413, ctx -> Problems.write(ctx, 413, "För stor begäran",
                    "Begäran är för stor (högst " + config.http.maxRequestSize / 1_000_000 + " MB)", null));
        });
    }

    /** Paths that programs call: they get problem+json, people get a page. */
    private static boolean isMachinePath(String path) {
        return path.startsWith("/api/") || path.startsWith("/slack/") || path.equals("/health") || path.equals("/metrics");
    }

    private static void health(Context ctx, List<HealthCheck> checks) {
        var body = new LinkedHashMap<String, Object>();
        boolean ok = true;
        for (HealthCheck check : checks) {
            Map<String, Object> status;
            try {
                status = check.status();
            } catch (RuntimeException e) {
                log.warn("Health check {} failed", check.name(), e);
                status = Map.of("ok", false, "error", String.valueOf(e.getMessage()));
            }
            ok &= !Boolean.FALSE.equals(status.get("ok"));
            body.put(check.name(), status);
        }
        body.put("status", ok ? "ok" : "degraded");
        ctx.status(ok ? 200 : 503).json(body);
    }

    public WebServer start(int port) {
        javalin.start(port);
        return this;
    }

    public int port() {
        return javalin.port();
    }

    public Javalin javalin() {
        return javalin;
    }

    public void stop() {
        javalin.stop();
    }
}
