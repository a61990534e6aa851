package se.planbot.web;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Page {@code n} of a public list as a plain link: this path with every filter, the search and
 * the language kept from the current query, and {@code page=n} (left out for the first page).
 */
final class PageLinks {

    private PageLinks() {
    }

    static String to(Context ctx, int page) {
        var parameters = new ArrayList<String>();
        for (Map.Entry<String, List<String>> parameter : ctx.queryParamMap().entrySet()) {
            if (parameter.getKey().equals("page")) {
                continue;
            }
            for (String value : parameter.getValue()) {
                if (!value.isEmpty()) {
                    parameters.add(encode(parameter.getKey()) + "=" + encode(value));
                }
            }
        }
        if (page > 1) {
            parameters.add("page=" + page);
        }
        return parameters.isEmpty() ? ctx.path() : ctx.path() + "?" + String.join("&", parameters);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
