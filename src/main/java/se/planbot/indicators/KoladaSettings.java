package se.planbot.indicators;

import java.time.Duration;
import java.util.Optional;
import se.planbot.config.Config;

/**
 * {@code kolada.*}: which municipality to read (empty: fetching is off), from which v3 base, how
 * long to wait for an answer, how often to try, and when the yearly fetch runs (a Quartz cron in
 * {@code timezone}).
 */
public record KoladaSettings(Optional<String> municipality, String apiUrl, Duration timeout, int attempts,
        Duration firstRetryDelay, String fetchCron) {

    public static KoladaSettings from(Config config) {
        var municipality = config.optional("kolada.municipality");
        municipality.filter(code -> !code.matches("\\d{4}")).ifPresent(code -> {
            throw Config.invalid("kolada.municipality", code, "ska vara en kommunkod med fyra siffror (Alingsås: 1489)");
        });
        String cron = config.string("kolada.fetch-cron");
        if (!org.quartz.CronExpression.isValidExpression(cron)) {
            throw Config.invalid("kolada.fetch-cron", cron, "är inget Quartz-cronuttryck (t.ex. 0 0 7 15 3 ? för 15 mars kl. 7)");
        }
        return new KoladaSettings(municipality, config.baseUrl("kolada.api-url"),
                Duration.ofSeconds(config.integer("kolada.timeout-seconds", 1, 600)),
                config.integer("kolada.attempts", 1, 10), Duration.ofSeconds(2), cron);
    }

    public boolean enabled() {
        return municipality.isPresent();
    }

    /** The same settings with a shorter wait between attempts (tests). */
    public KoladaSettings withRetryDelay(Duration delay) {
        return new KoladaSettings(municipality, apiUrl, timeout, attempts, delay, fetchCron);
    }
}
