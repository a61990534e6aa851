package se.planbot.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import io.javalin.rendering.FileRenderer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planbot.problem.Conflict;
import se.planbot.problem.InvalidInput;
import se.planbot.problem.NotFound;

/**
 * The HTTP server: the route table's routes behind the one {@link AccessGuard}, and the one place
 * that turns exceptions and unknown paths into answers. A person's mistake is a 4xx (problem+json
 * naming the field for programs, a Swedish page for people); only Planbot's own failures are 500,
 * and those never show internals. A path that exists with another method is 405 with {@code Allow}.
 */
public final class WebServer {

    private static final Logger log = LoggerFactory.getLogger(WebServer.class);

    private final Javalin javalin;

    /** Open routes only (public, link, Slack, operator), without pages: for tests of one face. */
    public WebServer(ObjectMapper json, List<Route> routes) {
        this(json, routes, openOnly(routes), null, null, null);
    }

    /**
     * @param guard enforces each route's {@link Access} before its handler
     * @param metrics counts every request (may be null)
     * @param pages the renderer of {@code ctx.render(...)} for the public pages (may be null)
     * @param pageNotFound the Swedish 404 page (may be null: then problem+json)
     */
    public WebServer(ObjectMapper json, List<Route> routes, Handler guard, Metrics metrics, FileRenderer pages,
            Handler pageNotFound) {
        this.javalin = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(json, false));
            if (pages != null) {
                config.fileRenderer(pages);
            }
            config.http.defaultContentType = "application/json; charset=utf-8";
            config.startup.showJavalinBanner = false;
            // The console's import upload (multipart): the API's sheet limit and a little for the form's fields.
            config.jetty.multipartConfig.maxTotalRequestSize(TransferApi.MAX_IMPORT_BYTES + 100_000L, io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxFileSize(TransferApi.MAX_IMPORT_BYTES + 1L, io.javalin.config.SizeUnit.BYTES);
            config.jetty.modifyServer(server -> server.setErrorHandler(new ErrorPage()));
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new ErrorPage()));
            if (metrics != null) {
                config.routes.before(metrics::started);
                config.routes.after(metrics::answered);
            }
            config.routes.beforeMatched(guard);
            for (Route route : routes) {
                config.routes.addHttpHandler(route.method(), route.path(), route.handler(), route.access());
                // HEAD is GET without the body; its own endpoint carries the route's access for the guard.
                if (route.method() == HandlerType.GET) {
                    config.routes.addHttpHandler(HandlerType.HEAD, route.path(), route.handler(), route.access());
                }
            }
            exceptions(config);
            config.routes.error(404, ctx -> notFound(ctx, routes, pageNotFound));
            // Javalin's own answer to an oversized body is plain English text.
            config.routes.error(413, ctx -> {
                if (!isProblem(ctx)) { // the import route says its own, larger limit
                    Problems.write(ctx, 413, "För stor begäran",
                            "Begäran är för stor (högst " + config.http.maxRequestSize / 1_000_000 + " MB)", null);
                }
            });
        });
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("application/problem+json");
    }

    private static void exceptions(JavalinConfig config) {
        config.routes.exception(InvalidInput.class, (e, ctx) ->
                Problems.write(ctx, 400, "Ogiltig begäran", e.getMessage(), e.errors()));
        config.routes.exception(NotFound.class, (e, ctx) ->
                Problems.write(ctx, 404, "Finns inte", e.getMessage(), null));
        config.routes.exception(Conflict.class, (e, ctx) ->
                Problems.write(ctx, 409, "Konflikt", e.getMessage(), null));
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
    }

    /** No route answered: 405 with Allow when the path exists with other methods, else the 404 page or problem. */
    private static void notFound(Context ctx, List<Route> routes, Handler pageNotFound) throws Exception {
        String answered = ctx.res().getContentType();
        if (Pages.isPage(ctx) || (answered != null && answered.startsWith("application/problem+json"))) {
            return;
        }
        Set<String> allowed = new LinkedHashSet<>();
        routes.stream().filter(route -> route.matchesPath(ctx.path())).forEach(route -> {
            allowed.add(route.method().name());
            if (route.method() == HandlerType.GET) {
                allowed.add(HandlerType.HEAD.name());
            }
        });
        if (!allowed.isEmpty() && !allowed.contains(ctx.method().name())) {
            ctx.header("Allow", String.join(", ", allowed));
            Problems.write(ctx, 405, "Metoden stöds inte", ctx.method() + " stöds inte på " + ctx.path()
                    + "; tillåtna: " + String.join(", ", allowed), null);
        } else if (pageNotFound != null && !isMachinePath(ctx.path())) {
            pageNotFound.handle(ctx);
        } else {
            Problems.write(ctx, 404, "Finns inte", "Ingen sida eller resurs på " + ctx.path(), null);
        }
    }

    /** Paths that programs call: they get problem+json, people get a page. */
    private static boolean isMachinePath(String path) {
        return path.startsWith("/api/") || path.startsWith("/slack/") || path.equals("/health") || path.equals("/metrics");
    }

    private static Handler openOnly(List<Route> routes) {
        routes.stream().filter(route -> route.access().level() == Access.Level.TOKEN
                        || route.access().level() == Access.Level.FORM || route.access().level() == Access.Level.CONSOLE)
                .findAny().ifPresent(route -> {
                    throw new IllegalArgumentException("needs an access guard: " + route);
                });
        return ctx -> { };
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
