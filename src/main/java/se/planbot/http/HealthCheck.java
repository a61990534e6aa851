package se.planbot.http;

import java.util.Map;
import java.util.function.Supplier;

/** One part's state for {@code GET /health}: its name and a small JSON-able map; "ok" false makes health 503. */
public interface HealthCheck {
    String name();

    Map<String, Object> status();

    /** A part whose state another package computes (the database's, from {@code db/}). */
    static HealthCheck of(String name, Supplier<Map<String, Object>> status) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Map<String, Object> status() {
                return status.get();
            }
        };
    }
}
