package se.planbot.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import se.planbot.outbox.Channel;
import se.planbot.outbox.OutboxAdmin;
import se.planbot.plan.PlanService;

/**
 * {@code GET /metrics} in Prometheus text format: HTTP requests by status class, plus gauges that
 * features register (actions by status, overdue, outbox pending/dead, ...).
 *
 * <pre>curl -s localhost:7070/metrics</pre>
 */
public final class Metrics {

    private final Map<String, Gauge> gauges = new LinkedHashMap<>();
    private final Map<Integer, LongAdder> requestsByClass = new LinkedHashMap<>();
    private final LongAdder requestNanos = new LongAdder();

    private record Gauge(String help, Supplier<Map<String, Number>> values) {
    }

    public Metrics() {
        for (int statusClass = 1; statusClass <= 5; statusClass++) {
            requestsByClass.put(statusClass, new LongAdder());
        }
    }

    /** Planbot's gauges: actions by status, overdue actions, and outbox messages not yet sent by state. */
    public static Metrics planbot(PlanService plan, OutboxAdmin outbox, Set<Channel> channelsWithSender) {
        var metrics = new Metrics();
        metrics.gauge("planbot_actions", "Actions in the plan, by status", () -> {
            var counts = new LinkedHashMap<String, Number>();
            plan.countByStatus().forEach((status, count) -> counts.put("status=\"" + status.code() + "\"", count));
            return counts;
        });
        metrics.gauge("planbot_actions_overdue", "Open actions past their deadline", () -> Map.of("", plan.countOverdue()));
        metrics.gauge("planbot_outbox_messages", "Outbox messages not yet sent, by state", () -> {
            var counts = outbox.counts(channelsWithSender);
            var values = new LinkedHashMap<String, Number>();
            values.put("state=\"pending\"", counts.pending());
            values.put("state=\"sending\"", counts.sending());
            values.put("state=\"dead\"", counts.dead());
            return values;
        });
        return metrics;
    }

    /**
     * Registers a gauge; {@code values} maps a label set such as {@code status="done"} (or "" for
     * none) to the current value, read at each scrape.
     */
    public synchronized void gauge(String name, String help, Supplier<Map<String, Number>> values) {
        gauges.put(name, new Gauge(help, values));
    }

    public void scrape(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(render());
    }

    /** Before every request (the web server calls it): starts its clock. */
    void started(Context ctx) {
        ctx.attribute("planbot.start", System.nanoTime());
    }

    /** After every request: counts it by status class and adds its time. */
    void answered(Context ctx) {
        Long start = ctx.attribute("planbot.start");
        if (start != null) {
            requestNanos.add(System.nanoTime() - start);
        }
        LongAdder adder = requestsByClass.get(ctx.statusCode() / 100);
        if (adder != null) {
            adder.increment();
        }
    }

    synchronized String render() {
        var text = new StringBuilder();
        text.append("# HELP planbot_http_requests_total HTTP requests answered, by status class\n");
        text.append("# TYPE planbot_http_requests_total counter\n");
        requestsByClass.forEach((statusClass, count) -> text.append("planbot_http_requests_total{status=\"")
                .append(statusClass).append("xx\"} ").append(count.sum()).append('\n'));
        text.append("# HELP planbot_http_request_seconds_total Time spent answering HTTP requests\n");
        text.append("# TYPE planbot_http_request_seconds_total counter\n");
        text.append("planbot_http_request_seconds_total ").append(requestNanos.sum() / 1e9).append('\n');
        gauges.forEach((name, gauge) -> {
            text.append("# HELP ").append(name).append(' ').append(gauge.help()).append('\n');
            text.append("# TYPE ").append(name).append(" gauge\n");
            gauge.values().get().forEach((labels, value) -> text.append(name)
                    .append(labels.isEmpty() ? "" : "{" + labels + "}").append(' ').append(value).append('\n'));
        });
        return text.toString();
    }
}
