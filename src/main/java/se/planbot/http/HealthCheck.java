package se.planbot.http;

import java.util.Map;

/** One part's state for {@code GET /health}: its name and a small JSON-able map; "ok" false makes health 503. */
public interface HealthCheck {
    String name();

    Map<String, Object> status();
}
