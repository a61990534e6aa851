package se.planbot.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.planbot.problem.FieldError;

/** Writes errors as RFC 9457 problem details ({@code application/problem+json}). */
public final class Problems {

    private Problems() {
    }

    public static void write(Context ctx, int status, String title, String detail, List<FieldError> errors) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", ctx.path());
        if (errors != null && !errors.isEmpty()) {
            body.put("errors", errors.stream()
                    .map(error -> Map.of("field", error.field(), "message", error.message()))
                    .toList());
        }
        ctx.status(status).json(body).contentType("application/problem+json; charset=utf-8");
    }
}
