package se.planbot.indicators;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which way an indicator should move: more jobs is better, more bankruptcies is worse. */
public enum Direction {
    HIGHER("higher", "högre är bättre"),
    LOWER("lower", "lägre är bättre");

    private final String code;
    private final String swedish;

    Direction(String code, String swedish) {
        this.code = code;
        this.swedish = swedish;
    }

    public String code() {
        return code;
    }

    public String swedish() {
        return swedish;
    }

    public static Optional<Direction> fromCode(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.code.equals(wanted)).findFirst();
    }
}
