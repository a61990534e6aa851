package se.planbot.indicators;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * How an indicator moved between its last two known years, and whether that is for the better
 * given its {@link Direction}: the one wording Slack, the pages and the report share.
 */
public record Trend(Optional<IndicatorValue> previous, Optional<IndicatorValue> latest, Direction direction) {

    public enum Movement { UP, DOWN, SAME, UNKNOWN }

    /** The trend of {@code values} (by year; missing years skipped). */
    public static Trend of(Indicator indicator, List<IndicatorValue> values) {
        var known = values.stream().filter(v -> !v.missing()).toList();
        Optional<IndicatorValue> latest = known.isEmpty() ? Optional.empty() : Optional.of(known.get(known.size() - 1));
        Optional<IndicatorValue> previous = known.size() < 2 ? Optional.empty() : Optional.of(known.get(known.size() - 2));
        return new Trend(previous, latest, indicator.direction());
    }

    public Movement movement() {
        if (previous.isEmpty() || latest.isEmpty()) {
            return Movement.UNKNOWN;
        }
        int sign = latest.get().value().compareTo(previous.get().value());
        return sign > 0 ? Movement.UP : sign < 0 ? Movement.DOWN : Movement.SAME;
    }

    /** True when the last change went the way that is better; empty when unchanged or unknown. */
    public Optional<Boolean> better() {
        return switch (movement()) {
            case UP -> Optional.of(direction == Direction.HIGHER);
            case DOWN -> Optional.of(direction == Direction.LOWER);
            default -> Optional.empty();
        };
    }

    public Optional<BigDecimal> change() {
        return movement() == Movement.UNKNOWN ? Optional.empty()
                : Optional.of(latest.get().value().subtract(previous.get().value()));
    }

    /** An arrow for a one-line list, never the only carrier of meaning: ↑ ↓ → or –. */
    public String arrow() {
        return switch (movement()) {
            case UP -> "↑";
            case DOWN -> "↓";
            case SAME -> "→";
            case UNKNOWN -> "–";
        };
    }

    /** "ökade med 290 från 2023 till 2024 (bättre)", "oförändrad", "för få värden för en trend". */
    public String words() {
        if (movement() == Movement.UNKNOWN) {
            return latest.isPresent() ? "ett värde, ingen trend än" : "inga värden än";
        }
        String span = "från " + previous.get().year() + " till " + latest.get().year();
        return switch (movement()) {
            case UP -> "ökade med " + Figures.format(change().get()) + " " + span + judged();
            case DOWN -> "minskade med " + Figures.format(change().get().negate()) + " " + span + judged();
            default -> "oförändrad " + span;
        };
    }

    private String judged() {
        return better().map(good -> good ? " (bättre)" : " (sämre)").orElse("");
    }
}
