package se.planbot.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planbot.http.HealthCheck;

/**
 * {@code GET /health}: every part's {@link HealthCheck}; 503 when one says it is not ok.
 *
 * <pre>curl -s localhost:7070/health</pre>
 */
public final class Health {

    private static final Logger log = LoggerFactory.getLogger(Health.class);

    private final List<HealthCheck> checks;

    public Health(List<HealthCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    public void report(Context ctx) {
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
}
