package se.planbot.slack;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A form-encoded Slack body ({@code a=1&b=2}) read once into its fields, first value of each name.
 * Bolt's own detectors split and URL-decode the body once per question they ask of it (is it JSON?
 * an interaction? a command?), with a fresh regular expression per field; on the slash command's
 * path that was the largest cost after the JSON of the answer.
 */
final class FormBody {

    private final Map<String, String> fields;

    private FormBody(Map<String, String> fields) {
        this.fields = fields;
    }

    /** The fields of {@code body}; empty when it is JSON (an Events API callback) rather than a form. */
    static FormBody of(String body) {
        var fields = new HashMap<String, String>();
        String trimmed = body.strip();
        if (trimmed.isEmpty() || trimmed.charAt(0) == '{' || trimmed.charAt(0) == '[') {
            return new FormBody(fields);
        }
        int start = 0;
        while (start <= body.length()) {
            int end = body.indexOf('&', start);
            if (end < 0) {
                end = body.length();
            }
            int equals = body.indexOf('=', start);
            if (equals > start && equals < end) {
                String name = decode(body.substring(start, equals)).strip();
                fields.putIfAbsent(name, decode(body.substring(equals + 1, end)));
            }
            start = end + 1;
        }
        return new FormBody(fields);
    }

    String get(String name) {
        return fields.get(name);
    }

    boolean has(String name) {
        return fields.containsKey(name);
    }

    /** A slash command: a form with {@code command} and no interaction {@code payload} (Bolt's order of checks). */
    boolean isSlashCommand() {
        return has("command") && !has("payload");
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
