package se.planbot.web;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.planbot.problem.Errors;

/**
 * The page an API list is asked for ({@code limit}, default {@value #DEFAULT_LIMIT}, at most
 * {@value #MAX_LIMIT}; {@code offset}, default 0) and the headers that describe it: the body stays
 * a JSON array, {@code X-Total-Count} says how many the whole list holds and {@code Link} gives the
 * {@code next} (and {@code prev}) page with every other query parameter kept.
 */
record ApiPage(int limit, int offset) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final int MAX_OFFSET = 100_000_000;

    static ApiPage of(Context ctx, Errors errors) {
        int limit = number(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
        int offset = number(ctx, "offset", 0, 0, MAX_OFFSET, errors);
        return new ApiPage(limit, offset);
    }

    private static int number(Context ctx, String name, int fallback, int min, int max, Errors errors) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String range = "ett heltal från " + min + " till " + String.format("%,d", max).replace(',', ' ');
        if (!text.trim().matches("\\d{1,9}")) {
            errors.add(name, "'" + text + "' är inte " + range);
            return fallback;
        }
        int value = Integer.parseInt(text.trim());
        if (value < min || value > max) {
            errors.add(name, value + " är utanför gränserna; ange " + range);
            return fallback;
        }
        return value;
    }

    /** Sets {@code X-Total-Count} and {@code Link} for a list of {@code total} items. */
    void describe(Context ctx, int total) {
        ctx.header("X-Total-Count", Integer.toString(total));
        var links = new ArrayList<String>();
        if (offset + limit < total) {
            links.add("<" + link(ctx, offset + limit) + ">; rel=\"next\"");
        }
        if (offset > 0) {
            links.add("<" + link(ctx, Math.max(0, Math.min(offset, total) - limit)) + ">; rel=\"prev\"");
        }
        if (!links.isEmpty()) {
            ctx.header("Link", String.join(", ", links));
        }
    }

    private String link(Context ctx, int newOffset) {
        var parameters = new ArrayList<String>();
        for (Map.Entry<String, List<String>> parameter : ctx.queryParamMap().entrySet()) {
            if (parameter.getKey().equals("limit") || parameter.getKey().equals("offset")) {
                continue;
            }
            for (String value : parameter.getValue()) {
                parameters.add(encode(parameter.getKey()) + "=" + encode(value));
            }
        }
        parameters.add("limit=" + limit);
        parameters.add("offset=" + newOffset);
        return ctx.path() + "?" + String.join("&", parameters);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
