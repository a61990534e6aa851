package se.planbot.indicators;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How an indicator's values arrive: typed in ({@code manual}), fetched from Kolada (KPI and
 * municipality), imported from a file, or {@code derived} from another indicator (value − the
 * other's value in this indicator's baseline year, e.g. "new jobs since 2021").
 */
public enum SourceKind {
    MANUAL("manual"),
    KOLADA("kolada"),
    FILE("file"),
    DERIVED("derived");

    private final String code;

    SourceKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<SourceKind> fromCode(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.code.equals(wanted)).findFirst();
    }
}
