package se.planbot.indicators;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where one year's value came from. A {@code MANUAL} value is never overwritten by a fetch. */
public enum ValueSource {
    MANUAL("manual", "inmatat"),
    KOLADA("kolada", "Kolada"),
    FILE("file", "fil");

    private final String code;
    private final String swedish;

    ValueSource(String code, String swedish) {
        this.code = code;
        this.swedish = swedish;
    }

    public String code() {
        return code;
    }

    public String swedish() {
        return swedish;
    }

    public static Optional<ValueSource> fromCode(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.code.equals(wanted)).findFirst();
    }
}
