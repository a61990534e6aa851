package se.planbot.followup;

/**
 * How an indicator stands against its target, on a stated scale of three steps (plus "cannot be
 * judged"). Each step has words and a symbol, so the judgement never rests on colour alone.
 * The rule: the change from the baseline so far, as a share of the change the target needs by
 * now if progress were even from the baseline year to the target year.
 */
public enum Judgement {
    ON_TRACK("on_track", "På väg mot målet", "●",
            "minst 90 % av den utveckling som behövs hittills för att nå målet i tid, eller målet redan nått"),
    PARTLY("partly", "Delvis", "◐",
            "50–90 % av den utveckling som behövs hittills"),
    NOT_ON_TRACK("not_on_track", "Inte på väg", "○",
            "under 50 % av den utveckling som behövs hittills, eller utveckling åt fel håll"),
    CANNOT_JUDGE("cannot_judge", "Kan inte bedömas", "–",
            "värde, utgångsvärde eller mål saknas");

    static final double ON_TRACK_FROM = 0.9;
    static final double PARTLY_FROM = 0.5;

    private final String code;
    private final String label;
    private final String symbol;
    private final String meaning;

    Judgement(String code, String label, String symbol, String meaning) {
        this.code = code;
        this.label = label;
        this.symbol = symbol;
        this.meaning = meaning;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public String symbol() {
        return symbol;
    }

    /** What the step means, for the scale printed in the report. */
    public String meaning() {
        return meaning;
    }

    /**
     * The judgement of {@code latest} (in {@code latestYear}) against a target, from a baseline.
     * Any null argument, or a target year not after the baseline year, cannot be judged.
     */
    public static Judgement of(Double baseline, Integer baselineYear, Double target, Integer targetYear,
            Double latest, Integer latestYear) {
        if (baseline == null || baselineYear == null || target == null || targetYear == null || latest == null
                || latestYear == null || targetYear <= baselineYear) {
            return CANNOT_JUDGE;
        }
        double needed = target - baseline;
        if (needed == 0) {
            return latest == target ? ON_TRACK : NOT_ON_TRACK;
        }
        double achieved = (latest - baseline) / needed;
        if (achieved >= 1) {
            return ON_TRACK;
        }
        double expected = Math.min(1, Math.max(0, (double) (latestYear - baselineYear) / (targetYear - baselineYear)));
        if (expected == 0) {
            return achieved >= 0 ? ON_TRACK : NOT_ON_TRACK;
        }
        double ratio = achieved / expected;
        if (ratio >= ON_TRACK_FROM) {
            return ON_TRACK;
        }
        return ratio >= PARTLY_FROM ? PARTLY : NOT_ON_TRACK;
    }
}
