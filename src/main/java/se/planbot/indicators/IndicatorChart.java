package se.planbot.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * An indicator drawn as SVG on the server, as public-sector chart guidance asks: a line of the
 * values by year with each value written beside its point, the target as a dashed line with its
 * label, years as text under the axis, {@code role="img"} with a {@code <title>} that states the
 * message and a {@code <desc>} that tells the trend in words. No script, no colour-only meaning,
 * presentation attributes only (the pages' CSP allows no inline style). Missing years break the
 * line and are labelled "saknas".
 */
public final class IndicatorChart {

    static final int WIDTH = 480;
    static final int HEIGHT = 260;
    private static final int LEFT = 72;
    private static final int RIGHT = 32;
    private static final int TOP = 28;
    private static final int BOTTOM = 40;

    private IndicatorChart() {
    }

    /** The title: the indicator's latest value against its target ("Nya jobb sedan 2021: 1 050 år 2024, mål 3 700 år 2035"). */
    public static String title(Indicator indicator, List<IndicatorValue> values) {
        var trend = Trend.of(indicator, values);
        var text = new StringBuilder(indicator.name()).append(": ");
        if (trend.latest().isEmpty()) {
            text.append("inga värden än");
        } else {
            text.append(Figures.withUnit(trend.latest().get().value(), indicator.unit())).append(" år ")
                    .append(trend.latest().get().year());
        }
        if (indicator.targetValue() != null) {
            text.append(", mål ").append(Figures.withUnit(indicator.targetValue(), indicator.unit())).append(" år ")
                    .append(indicator.targetYear());
        }
        return text.toString();
    }

    /** The description: first and latest value, the last change judged by direction, the target, breaks. */
    public static String description(Indicator indicator, List<IndicatorValue> values) {
        var known = values.stream().filter(v -> !v.missing()).toList();
        if (known.isEmpty()) {
            return "Det finns inga värden för " + indicator.name() + " än.";
        }
        var first = known.get(0);
        var last = known.get(known.size() - 1);
        var text = new StringBuilder();
        if (known.size() == 1) {
            text.append("Ett värde: ").append(Figures.withUnit(last.value(), indicator.unit())).append(" år ")
                    .append(last.year()).append('.');
        } else {
            int sign = last.value().compareTo(first.value());
            text.append(sign > 0 ? "Ökade" : sign < 0 ? "Minskade" : "Oförändrad").append(" från ")
                    .append(Figures.withUnit(first.value(), indicator.unit())).append(" år ").append(first.year())
                    .append(" till ").append(Figures.withUnit(last.value(), indicator.unit())).append(" år ")
                    .append(last.year()).append(". Senast ").append(Trend.of(indicator, values).words()).append('.');
        }
        text.append(' ').append(Character.toUpperCase(indicator.direction().swedish().charAt(0)))
                .append(indicator.direction().swedish().substring(1)).append('.');
        if (indicator.targetValue() != null) {
            text.append(" Målet är ").append(Figures.withUnit(indicator.targetValue(), indicator.unit()))
                    .append(" år ").append(indicator.targetYear()).append('.');
        }
        long missing = values.stream().filter(IndicatorValue::missing).count();
        if (missing > 0) {
            text.append(' ').append(missing == 1 ? "Ett år saknar värde." : missing + " år saknar värde.");
        }
        return text.toString();
    }

    /** The SVG; {@code id} makes the title and desc ids unique on a page with several charts. */
    public static String svg(String id, Indicator indicator, List<IndicatorValue> values) {
        String titleId = id + "-title";
        String descId = id + "-desc";
        var svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" aria-labelledby=\"")
                .append(titleId).append(' ').append(descId).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" font-family=\"system-ui, Arial, sans-serif\" font-size=\"13\">");
        svg.append("<title id=\"").append(titleId).append("\">").append(escape(title(indicator, values))).append("</title>");
        svg.append("<desc id=\"").append(descId).append("\">").append(escape(description(indicator, values)))
                .append("</desc>");
        if (values.isEmpty()) {
            svg.append(text(WIDTH / 2.0, HEIGHT / 2.0, "middle", "empty", "Inga värden än")).append("</svg>");
            return svg.toString();
        }
        var scale = Scale.of(indicator, values);
        int firstYear = values.get(0).year();
        int lastYear = values.get(values.size() - 1).year();
        double plotWidth = WIDTH - LEFT - RIGHT;
        java.util.function.IntFunction<Double> x = year -> lastYear == firstYear ? LEFT + plotWidth / 2
                : LEFT + plotWidth * (year - firstYear) / (lastYear - firstYear);
        // Grid and its labels
        for (BigDecimal tick : scale.ticks()) {
            double y = scale.y(tick);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(round(y)).append("\" y2=\"").append(round(y)).append("\" stroke=\"#c8c8c8\" stroke-width=\"1\"/>");
            svg.append(text(LEFT - 6, y + 4, "end", "tick", Figures.format(tick)));
        }
        svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                .append(HEIGHT - BOTTOM).append("\" y2=\"").append(HEIGHT - BOTTOM)
                .append("\" stroke=\"#1a1a1a\" stroke-width=\"1\"/>");
        // Target: dashed, with its value and year written out
        if (indicator.targetValue() != null) {
            double y = scale.y(indicator.targetValue());
            svg.append("<line class=\"target\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(round(y)).append("\" y2=\"").append(round(y))
                    .append("\" stroke=\"#1a1a1a\" stroke-width=\"2\" stroke-dasharray=\"8 5\"/>");
            svg.append(text(WIDTH - RIGHT, y - 6, "end", "target-label", "Mål " + indicator.targetYear() + ": "
                    + Figures.format(indicator.targetValue())));
        }
        // The line, broken at missing years
        var path = new StringBuilder();
        boolean pen = false;
        for (IndicatorValue value : values) {
            if (value.missing()) {
                pen = false;
                continue;
            }
            path.append(pen ? " L" : (path.isEmpty() ? "M" : " M")).append(round(x.apply(value.year()))).append(' ')
                    .append(round(scale.y(value.value())));
            pen = true;
        }
        if (!path.isEmpty()) {
            svg.append("<path class=\"line\" d=\"").append(path).append("\" fill=\"none\" stroke=\"#0b4f9c\" stroke-width=\"3\"/>");
        }
        for (IndicatorValue value : values) {
            double px = x.apply(value.year());
            svg.append(text(px, HEIGHT - BOTTOM + 18, "middle", "year", String.valueOf(value.year())));
            if (value.missing()) {
                svg.append(text(px, HEIGHT - BOTTOM - 8, "middle", "value", "saknas"));
                continue;
            }
            double py = scale.y(value.value());
            svg.append("<circle cx=\"").append(round(px)).append("\" cy=\"").append(round(py))
                    .append("\" r=\"4\" fill=\"#0b4f9c\" stroke=\"#ffffff\" stroke-width=\"1\"/>");
            svg.append(text(px, py - 10, "middle", "value", Figures.format(value.value())));
        }
        return svg.append("</svg>").toString();
    }

    /** The value axis: from a little below the lowest to a little above the highest value or target. */
    private record Scale(BigDecimal low, BigDecimal high, BigDecimal step) {

        static Scale of(Indicator indicator, List<IndicatorValue> values) {
            BigDecimal min = null;
            BigDecimal max = null;
            for (IndicatorValue value : values) {
                if (!value.missing()) {
                    min = min == null || value.value().compareTo(min) < 0 ? value.value() : min;
                    max = max == null || value.value().compareTo(max) > 0 ? value.value() : max;
                }
            }
            if (indicator.targetValue() != null) {
                min = min == null || indicator.targetValue().compareTo(min) < 0 ? indicator.targetValue() : min;
                max = max == null || indicator.targetValue().compareTo(max) > 0 ? indicator.targetValue() : max;
            }
            if (min == null) {
                min = BigDecimal.ZERO;
                max = BigDecimal.ONE;
            }
            BigDecimal span = max.subtract(min);
            if (span.signum() == 0) {
                span = min.abs().signum() == 0 ? BigDecimal.ONE : min.abs().divide(BigDecimal.TEN, 6, RoundingMode.HALF_UP);
            }
            BigDecimal step = niceStep(span.divide(BigDecimal.valueOf(4), 10, RoundingMode.HALF_UP));
            BigDecimal low = min.divide(step, 0, RoundingMode.FLOOR).multiply(step);
            BigDecimal high = max.divide(step, 0, RoundingMode.CEILING).multiply(step);
            if (high.compareTo(max) == 0) {
                high = high.add(step);
            }
            if (low.compareTo(min) == 0 && low.signum() != 0) {
                low = low.subtract(step);
            }
            return new Scale(low, high, step);
        }

        /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
        private static BigDecimal niceStep(BigDecimal raw) {
            BigDecimal power = BigDecimal.ONE;
            while (power.compareTo(raw) > 0) {
                power = power.divide(BigDecimal.TEN);
            }
            while (power.multiply(BigDecimal.TEN).compareTo(raw) <= 0) {
                power = power.multiply(BigDecimal.TEN);
            }
            for (int factor : new int[] {1, 2, 5, 10}) {
                BigDecimal step = power.multiply(BigDecimal.valueOf(factor));
                if (step.compareTo(raw) >= 0) {
                    return step.stripTrailingZeros();
                }
            }
            return power.multiply(BigDecimal.TEN);
        }

        List<BigDecimal> ticks() {
            var ticks = new java.util.ArrayList<BigDecimal>();
            for (BigDecimal tick = low; tick.compareTo(high) <= 0; tick = tick.add(step)) {
                ticks.add(tick);
            }
            return ticks;
        }

        double y(BigDecimal value) {
            double plotHeight = HEIGHT - TOP - BOTTOM;
            double share = value.subtract(low).doubleValue() / high.subtract(low).doubleValue();
            return HEIGHT - BOTTOM - plotHeight * share;
        }
    }

    private static String text(double x, double y, String anchor, String kind, String content) {
        return "<text class=\"" + kind + "\" x=\"" + round(x) + "\" y=\"" + round(y) + "\" text-anchor=\"" + anchor
                + "\" fill=\"#1a1a1a\">" + escape(content) + "</text>";
    }

    private static String round(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
