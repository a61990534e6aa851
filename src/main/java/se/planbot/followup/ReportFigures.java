package se.planbot.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Every number of one year's report, taken at {@code takenAt} ({@code asOf} is that day in the
 * programme's zone: "overdue" means overdue then). A published report keeps these as JSON, so a
 * later change to an action does not alter it. {@code proposals} is null when Planbot has no
 * proposals feature ("inga förslag registrerade"), empty when it has but none came in.
 */
public record ReportFigures(int year, Instant takenAt, LocalDate asOf, List<IndicatorRow> indicators,
        List<StrategyRow> strategies, List<ActionRow> completed, List<ActionRow> overdue, List<DialogRow> dialogs,
        List<ProposalRow> proposals, List<ActionRow> nextYearActions, List<MeetingRow> meetings) {

    /** One indicator: baseline, the value before the latest, the latest (at or before the year), target. */
    public record IndicatorRow(String name, String unit, String goal, boolean higherIsBetter,
            Integer baselineYear, Double baselineValue, Integer previousYear, Double previousValue,
            Integer latestYear, Double latestValue, Integer targetYear, Double targetValue,
            Judgement judgement, String source, String note, List<YearValue> series) {
    }

    public record YearValue(int year, double value) {
    }

    /** One strategy's actions by status; {@code overdue} counts open actions past their deadline. */
    public record StrategyRow(int id, String title, int total, int planned, int inProgress, int done, int cancelled,
            int overdue) {

        /** Done as a whole percentage of the actions not cancelled; null when there are none. */
        public Integer shareDone() {
            int counted = total - cancelled;
            return counted == 0 ? null : (int) Math.round(100.0 * done / counted);
        }
    }

    public record ActionRow(String code, String title, int strategyId, String owner, LocalDate deadline,
            String status) {
    }

    public record DialogRow(String title, LocalDateTime start, String place, int participants) {
    }

    public record ProposalRow(String title, String outcome, String answer, String actionCode) {
    }

    /** A date in the coming year: a planned dialog, or an open meeting or review the coordinator listed. */
    public record MeetingRow(LocalDate date, String title) {
    }

    /** Every strategy's figures added up. */
    public StrategyRow total() {
        int total = 0, planned = 0, inProgress = 0, done = 0, cancelled = 0, overdue = 0;
        for (StrategyRow row : strategies) {
            total += row.total();
            planned += row.planned();
            inProgress += row.inProgress();
            done += row.done();
            cancelled += row.cancelled();
            overdue += row.overdue();
        }
        return new StrategyRow(0, "Totalt", total, planned, inProgress, done, cancelled, overdue);
    }

    /** True when Planbot has a proposals feature (even if no proposal came in this year). */
    public boolean proposalsRegistered() {
        return proposals != null;
    }

    /** How many proposals have each outcome, in the order first met. */
    public List<OutcomeCount> proposalOutcomes() {
        var counts = new java.util.LinkedHashMap<String, Integer>();
        if (proposals != null) {
            proposals.forEach(proposal -> counts.merge(proposal.outcome(), 1, Integer::sum));
        }
        return counts.entrySet().stream().map(entry -> new OutcomeCount(entry.getKey(), entry.getValue())).toList();
    }

    public record OutcomeCount(String outcome, int count) {
    }

    /** How many took part in the year's dialogs, added up. */
    public int participants() {
        return dialogs.stream().mapToInt(DialogRow::participants).sum();
    }
}
