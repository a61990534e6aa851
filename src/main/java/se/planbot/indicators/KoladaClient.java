package se.planbot.indicators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads yearly figures from Kolada's API v3:
 * {@code GET {kolada.api-url}/data/kpi/N00999,N00914/municipality/1489?per_page=5000}, following
 * {@code next_url} (or v2's {@code next_page}, which one client still reads) page by page. Of each
 * row it takes the total ({@code gender} "T"); a {@code null} value stays missing. A timeout, a
 * connection failure, 429 or 5xx is tried again (with a growing pause) up to {@code attempts}
 * times; any other status or an answer that is not v3's shape is a {@link KoladaUnavailable}.
 */
final class KoladaClient {

    private static final Logger log = LoggerFactory.getLogger(KoladaClient.class);
    static final int MAX_IDS = 25;
    private static final int MAX_PAGES = 200;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** One year's total for one KPI and municipality; {@code value} null when Kolada has none. */
    record Row(String kpi, String municipality, int year, BigDecimal value) {
    }

    private final KoladaSettings settings;
    private final HttpClient http;

    KoladaClient(KoladaSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Every year of {@code kpis} (at most 25) for {@code municipality}. */
    List<Row> data(Collection<String> kpis, String municipality) {
        if (kpis.size() > MAX_IDS) {
            throw new IllegalArgumentException("at most " + MAX_IDS + " KPIs per request");
        }
        var rows = new ArrayList<Row>();
        URI next = URI.create(settings.apiUrl() + "/data/kpi/" + String.join(",", kpis) + "/municipality/"
                + municipality + "?per_page=5000");
        for (int page = 1; next != null; page++) {
            if (page > MAX_PAGES) {
                throw new KoladaUnavailable("Kolada skickade fler än " + MAX_PAGES + " sidor; hämtningen avbröts");
            }
            JsonNode body = parse(get(next), next);
            rows.addAll(rows(body, next));
            next = nextPage(body, next);
        }
        return rows;
    }

    private String get(URI uri) {
        Duration pause = settings.firstRetryDelay();
        String problem = "";
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            try {
                var request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                        .header("Accept", "application/json").GET().build();
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status == 200) {
                    return new String(response.body(), StandardCharsets.UTF_8);
                }
                problem = "svarade " + status;
                if (status != 429 && status < 500) {
                    throw new KoladaUnavailable("Kolada " + problem + " på " + uri
                            + "; kontrollera nyckeltalets id och kolada.api-url");
                }
            } catch (IOException e) {
                problem = e instanceof java.net.http.HttpTimeoutException
                        ? "svarade inte inom " + settings.timeout().toSeconds() + " s"
                        : "gick inte att nå (" + e.getClass().getSimpleName() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KoladaUnavailable("hämtningen från Kolada avbröts", e);
            }
            if (attempt < settings.attempts()) {
                log.warn("Kolada {} on {} (attempt {} of {}); trying again in {} ms", problem, uri, attempt,
                        settings.attempts(), pause.toMillis());
                sleep(pause);
                pause = pause.multipliedBy(2);
            }
        }
        throw new KoladaUnavailable("Kolada " + problem + " (" + settings.attempts() + " försök) på " + uri
                + "; inget ändrades, försök igen senare");
    }

    private static JsonNode parse(String body, URI uri) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject() || !root.path("values").isArray()) {
                throw malformed(uri, "svaret saknar listan \"values\"");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw malformed(uri, "svaret är inte JSON");
        }
    }

    private static List<Row> rows(JsonNode body, URI uri) {
        var rows = new ArrayList<Row>();
        for (JsonNode entry : body.get("values")) {
            JsonNode kpi = entry.get("kpi");
            JsonNode municipality = entry.get("municipality");
            JsonNode period = entry.get("period");
            JsonNode values = entry.get("values");
            if (kpi == null || !kpi.isTextual() || municipality == null || !municipality.isTextual()
                    || period == null || !(period.isIntegralNumber() && period.canConvertToInt() || period.isTextual())
                    || values == null || !values.isArray()) {
                throw malformed(uri, "en rad saknar kpi, municipality, period eller values: " + clip(entry.toString()));
            }
            int year = period.isTextual() ? year(period.asText(), uri) : period.intValue();
            for (JsonNode value : values) {
                if ("T".equals(value.path("gender").asText())) {
                    JsonNode number = value.get("value");
                    if (number != null && !number.isNull() && !number.isNumber()) {
                        throw malformed(uri, "värdet för " + kpi.asText() + " " + year + " är inget tal: " + number);
                    }
                    rows.add(new Row(kpi.asText(), municipality.asText(), year,
                            number == null || number.isNull() ? null : number.decimalValue()));
                }
            }
        }
        return rows;
    }

    private static int year(String text, URI uri) {
        if (!text.matches("\\d{4}")) {
            throw malformed(uri, "perioden '" + clip(text) + "' är inget år");
        }
        return Integer.parseInt(text);
    }

    /** The next page, which must be on the same server as the first (the answer picks no other host). */
    private URI nextPage(JsonNode body, URI current) {
        JsonNode next = body.hasNonNull("next_url") ? body.get("next_url") : body.get("next_page");
        if (next == null || next.isNull() || next.asText().isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = current.resolve(next.asText());
        } catch (IllegalArgumentException e) {
            throw malformed(current, "nästa sida '" + clip(next.asText()) + "' är ingen adress");
        }
        URI base = URI.create(settings.apiUrl());
        if (!base.getScheme().equals(uri.getScheme()) || !base.getAuthority().equals(uri.getAuthority())) {
            throw malformed(current, "nästa sida pekar på en annan server (" + uri.getAuthority() + ")");
        }
        if (uri.equals(current)) {
            throw malformed(current, "nästa sida är samma sida");
        }
        return uri;
    }

    private static KoladaUnavailable malformed(URI uri, String what) {
        return new KoladaUnavailable("Kolada svarade med något som inte går att läsa på " + uri + ": " + what
                + "; inget ändrades");
    }

    private static String clip(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KoladaUnavailable("hämtningen från Kolada avbröts", e);
        }
    }
}
