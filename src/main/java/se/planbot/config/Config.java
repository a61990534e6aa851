package se.planbot.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Planbot's configuration: built-in defaults, then the properties file, then {@code PLANBOT_*}
 * environment variables ({@code smtp.host} is {@code PLANBOT_SMTP_HOST}).
 *
 * <p>Every key Planbot knows is listed in {@link #DEFAULTS}; an unknown key in the file, or an
 * unknown {@code PLANBOT_*} variable, stops start-up, so a typo such as {@code http.prot} is not
 * silently ignored. Typed getters reject
 * bad values with a message naming the key.
 */
public final class Config {

    /** Every key and its default. Keep in step with config/planbot.properties and README. */
    public static final Map<String, String> DEFAULTS = defaults();

    /** Secrets that are read from the environment only: a file ends up in backups and version control. */
    public static final Set<String> ENVIRONMENT_ONLY = Set.of("smtp.oauth2.client-secret", "auth.oidc.client-secret");

    private final Map<String, String> values;

    private Config(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    private static Map<String, String> defaults() {
        var d = new LinkedHashMap<String, String>();
        d.put("http.port", "7070");
        d.put("public.base-url", "http://localhost:7070");
        d.put("db.path", "data/planbot.db");
        d.put("timezone", "Europe/Stockholm");
        d.put("locale", "sv");
        d.put("templates.dir", "templates");
        d.put("program.name", "Näringslivsstrategiskt program");
        d.put("program.period", "2021–2035");
        d.put("program.goal", "3 700 fler arbetstillfällen till 2035");
        d.put("organisation.name", "Kommunen");
        d.put("organisation.logo-url", "");
        d.put("privacy.notice-url", "");
        d.put("privacy.contact", "");
        d.put("mail.transport", "file");
        d.put("mail.file-dir", "data/outbox");
        d.put("mail.from", "planbot@localhost");
        d.put("mail.sender-name", "");
        d.put("smtp.host", "localhost");
        d.put("smtp.port", "25");
        d.put("smtp.username", "");
        d.put("smtp.password", "");
        d.put("smtp.starttls", "false");
        d.put("smtp.ssl", "false");
        d.put("smtp.timeout-seconds", "30");
        d.put("smtp.max-per-minute", "");
        d.put("smtp.auth", "password");
        d.put("smtp.oauth2.token-url", "");
        d.put("smtp.oauth2.client-id", "");
        d.put("smtp.oauth2.client-secret", "");
        d.put("smtp.oauth2.scope", "microsoft365");
        d.put("smtp.oauth2.key-file", "");
        d.put("auth.oidc.issuer", "");
        d.put("auth.oidc.client-id", "");
        d.put("auth.oidc.client-secret", "");
        d.put("auth.oidc.claim", "email,upn");
        d.put("auth.mail-link", "true");
        d.put("outbox.max-age-hours", "72");
        d.put("outbox.poll-seconds", "5");
        d.put("slack.bot-token", "");
        d.put("slack.signing-secret", "");
        d.put("slack.app-token", "");
        d.put("slack.api-url", "https://slack.com/api/");
        d.put("slack.coordinator-channel", "");
        d.put("slack.command", "/plan");
        d.put("slack.reminders", "dm");
        d.put("reminders.deadline-days", "14,7,1");
        d.put("reminders.digest-cron", "0 0 8 ? * MON");
        d.put("reminders.sweep-minutes", "15");
        d.put("coordinator.email", "");
        d.put("subscribe.consent-version", "2026-2");
        d.put("web.forms-per-hour", "20");
        d.put("web.trust-forwarded-for", "false");
        d.put("accessibility.contact-email", "");
        d.put("console.idle-timeout-minutes", "480");
        d.put("kolada.municipality", "");
        d.put("kolada.api-url", "https://api.kolada.se/v3");
        d.put("kolada.fetch-cron", "0 0 7 15 3 ?");
        d.put("kolada.timeout-seconds", "20");
        d.put("kolada.attempts", "3");
        d.put("proposals.consent-version", "2026-1");
        d.put("proposals.form-days-after-dialog", "30");
        d.put("proposals.review-days", "60");
        return d;
    }

    /** Reads {@code file} (may be absent only when it is the default path) and the environment. */
    public static Config load(Path file, boolean fileRequired, Map<String, String> environment) {
        var merged = new LinkedHashMap<>(DEFAULTS);
        if (Files.exists(file)) {
            Properties properties = ConfigFile.read(file);
            for (String key : properties.stringPropertyNames()) {
                if (!DEFAULTS.containsKey(key)) {
                    throw new ConfigException("Okänd nyckel i " + file + ": '" + key + "'");
                }
                if (ENVIRONMENT_ONLY.contains(key)) {
                    throw new ConfigException(key + " får inte stå i " + file + ": hemligheten sätts bara i miljövariabeln "
                            + environmentName(key) + " (en konfigurationsfil hamnar lätt i säkerhetskopior och versionshantering)."
                            + " Ta bort raden ur filen.");
                }
                merged.put(key, properties.getProperty(key).trim());
            }
        } else if (fileRequired) {
            throw new ConfigException("Konfigurationsfilen finns inte: " + file);
        }
        EnvironmentNames.refuseUnknown(environment, DEFAULTS.keySet());
        for (String key : DEFAULTS.keySet()) {
            String fromEnvironment = environment.get(environmentName(key));
            if (fromEnvironment != null) {
                merged.put(key, fromEnvironment.trim());
            }
        }
        return new Config(merged);
    }

    /** A configuration from explicit values over the defaults; for tests and tools. */
    public static Config of(Map<String, String> overrides) {
        var merged = new LinkedHashMap<>(DEFAULTS);
        overrides.forEach((key, value) -> {
            if (!DEFAULTS.containsKey(key)) {
                throw new ConfigException("Okänd nyckel: '" + key + "'");
            }
            merged.put(key, value);
        });
        return new Config(merged);
    }

    public static String environmentName(String key) {
        return "PLANBOT_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public Config with(String key, String value) {
        var copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new Config(copy);
    }

    public String string(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("unknown configuration key " + key);
        }
        return value;
    }

    public Optional<String> optional(String key) {
        String value = string(key);
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public String required(String key) {
        return optional(key).orElseThrow(() -> invalid(key, "", "får inte vara tom"));
    }

    public int integer(String key, int min, int max) {
        String value = string(key);
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw invalid(key, value, "ska vara ett heltal " + min + "–" + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw invalid(key, value, "är inget heltal (" + min + "–" + max + ")");
        }
    }

    public int port(String key) {
        return integer(key, 0, 65535);
    }

    public boolean bool(String key) {
        String value = string(key).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "yes", "ja", "1" -> true;
            case "false", "no", "nej", "0", "" -> false;
            default -> throw invalid(key, value, "ska vara true eller false");
        };
    }

    public ZoneId zone(String key) {
        String value = string(key);
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw invalid(key, value, "är ingen känd tidszon (t.ex. Europe/Stockholm)");
        }
    }

    public Locale locale(String key) {
        String value = string(key);
        return switch (value) {
            case "sv", "sv-SE", "sv_SE" -> Locale.forLanguageTag("sv-SE");
            case "en", "en-GB", "en_GB", "en-US", "en_US" -> Locale.ENGLISH;
            default -> throw invalid(key, value, "ska vara sv eller en");
        };
    }

    /** An http(s) address without a trailing slash, e.g. {@code https://planbot.kommun.se}. */
    public String baseUrl(String key) {
        String value = string(key);
        try {
            var uri = new java.net.URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw invalid(key, value, "ska vara en http- eller https-adress, t.ex. https://planbot.kommun.se");
            }
        } catch (java.net.URISyntaxException e) {
            throw invalid(key, value, "ska vara en http- eller https-adress, t.ex. https://planbot.kommun.se");
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    public Path path(String key) {
        return Path.of(string(key));
    }

    /** A comma-separated list of integers, e.g. {@code 14,7,1}. */
    public List<Integer> integers(String key, int min, int max) {
        String value = string(key);
        var result = new ArrayList<Integer>();
        for (String part : value.split(",")) {
            try {
                int number = Integer.parseInt(part.trim());
                if (number < min || number > max) {
                    throw invalid(key, value, "ska vara heltal " + min + "–" + max + " åtskilda med komma");
                }
                result.add(number);
            } catch (NumberFormatException e) {
                throw invalid(key, value, "ska vara heltal åtskilda med komma, t.ex. 14,7,1");
            }
        }
        return List.copyOf(result);
    }

    /** One of a closed set of words. */
    public String oneOf(String key, String... allowed) {
        String value = string(key);
        for (String candidate : allowed) {
            if (candidate.equals(value)) {
                return value;
            }
        }
        throw invalid(key, value, "ska vara en av " + String.join(", ", allowed));
    }

    public static ConfigException invalid(String key, String value, String why) {
        return new ConfigException("Ogiltig konfiguration: " + key + " = '" + value + "' " + why
                + " (sätts i konfigurationsfilen eller " + environmentName(key) + ")");
    }
}
