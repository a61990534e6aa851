package se.planbot.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import se.planbot.db.Database;
import se.planbot.dialogs.Dialog;
import se.planbot.dialogs.DialogService;
import se.planbot.dialogs.DialogState;
import se.planbot.followup.ReportFigures.ActionRow;
import se.planbot.followup.ReportFigures.DialogRow;
import se.planbot.followup.ReportFigures.IndicatorRow;
import se.planbot.followup.ReportFigures.MeetingRow;
import se.planbot.followup.ReportFigures.ProposalRow;
import se.planbot.followup.ReportFigures.StrategyRow;
import se.planbot.followup.ReportFigures.YearValue;
import se.planbot.plan.Action;
import se.planbot.plan.ActionFilter;
import se.planbot.plan.PlanService;
import se.planbot.plan.Strategy;

/**
 * Takes a year's figures now: from the plan (actions by strategy and status, completed in the
 * year, overdue today, starting next year), the dialogs (held in the year, planned next year),
 * the indicators and the proposals when those features are there.
 */
final class FigureCollector {

    private final Database database;
    private final PlanService plan;
    private final DialogService dialogs;
    private final IndicatorFigures indicators;
    private final ProposalOutcomes proposals;
    private final Clock clock;
    private final ZoneId zone;

    FigureCollector(Database database, PlanService plan, DialogService dialogs, IndicatorFigures indicators,
            ProposalOutcomes proposals, Clock clock, ZoneId zone) {
        this.database = database;
        this.plan = plan;
        this.dialogs = dialogs;
        this.indicators = indicators;
        this.proposals = proposals;
        this.clock = clock;
        this.zone = zone;
    }

    ReportFigures collect(int year, List<MeetingRow> listedMeetings) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<Action> actions = plan.actions(ActionFilter.all());
        Instant yearStart = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
        Instant yearEnd = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
        List<Action> completed = database.read(connection -> plan.completedBetween(connection, yearStart, yearEnd));
        List<ActionRow> overdue = actions.stream().filter(action -> action.isOverdue(today))
                .sorted(Comparator.comparing(Action::deadline)).map(FigureCollector::row).toList();
        List<ActionRow> nextYear = actions.stream()
                .filter(action -> action.startDate() != null && action.startDate().getYear() == year + 1)
                .map(FigureCollector::row).toList();

        List<Dialog> dialogsFromYearStart = dialogs.allDialogs(yearStart);
        List<DialogRow> held = dialogsFromYearStart.stream()
                .filter(dialog -> dialog.state() == DialogState.PUBLISHED && dialog.startsAt().isBefore(yearEnd)
                        && !dialog.startsAt().isBefore(yearStart) && dialog.endsAt().isBefore(now))
                .sorted(Comparator.comparing(Dialog::startsAt))
                .map(dialog -> new DialogRow(dialog.title(), dialog.startsAt().atZone(zone).toLocalDateTime(),
                        place(dialog), dialog.registered()))
                .toList();
        var meetings = new ArrayList<MeetingRow>(listedMeetings);
        dialogsFromYearStart.stream()
                .filter(dialog -> dialog.state() == DialogState.PUBLISHED
                        && dialog.startsAt().atZone(zone).getYear() == year + 1)
                .forEach(dialog -> meetings.add(new MeetingRow(dialog.startsAt().atZone(zone).toLocalDate(),
                        dialog.title())));
        meetings.sort(Comparator.comparing(MeetingRow::date));

        List<ProposalRow> proposalRows = proposals.receivedIn(year)
                .map(list -> list.stream().map(proposal -> new ProposalRow(proposal.title(), proposal.outcome(),
                        proposal.answer(), proposal.actionCode())).toList())
                .orElse(null);
        return new ReportFigures(year, now, today, indicatorRows(year), strategies(actions, today),
                completed.stream().map(FigureCollector::row).toList(), overdue, held, proposalRows, nextYear,
                List.copyOf(meetings));
    }

    private List<StrategyRow> strategies(List<Action> actions, LocalDate today) {
        var rows = new ArrayList<StrategyRow>();
        for (Strategy strategy : plan.strategies()) {
            int total = 0, planned = 0, inProgress = 0, done = 0, cancelled = 0, overdue = 0;
            for (Action action : actions) {
                if (action.strategyId() != strategy.id()) {
                    continue;
                }
                total++;
                switch (action.status()) {
                    case PLANNED -> planned++;
                    case IN_PROGRESS -> inProgress++;
                    case DONE -> done++;
                    case CANCELLED -> cancelled++;
                }
                if (action.isOverdue(today)) {
                    overdue++;
                }
            }
            rows.add(new StrategyRow(strategy.id(), strategy.title(), total, planned, inProgress, done, cancelled,
                    overdue));
        }
        return rows;
    }

    private List<IndicatorRow> indicatorRows(int year) {
        var rows = new ArrayList<IndicatorRow>();
        for (IndicatorFigure figure : indicators.all()) {
            var upToYear = new TreeMap<Integer, Double>();
            figure.values().forEach((valueYear, value) -> {
                if (value != null && valueYear <= year) {
                    upToYear.put(valueYear, value);
                }
            });
            Map.Entry<Integer, Double> latest = upToYear.lastEntry();
            Map.Entry<Integer, Double> previous = latest == null ? null : upToYear.lowerEntry(latest.getKey());
            Integer latestYear = latest == null ? null : latest.getKey();
            Double latestValue = latest == null ? null : latest.getValue();
            Judgement judgement = Judgement.of(figure.baselineValue(), figure.baselineYear(), figure.targetValue(),
                    figure.targetYear(), latestValue, latestYear);
            var series = new ArrayList<YearValue>();
            upToYear.forEach((valueYear, value) -> series.add(new YearValue(valueYear, value)));
            rows.add(new IndicatorRow(figure.name(), figure.unit(), figure.goal(), figure.higherIsBetter(),
                    figure.baselineYear(), figure.baselineValue(),
                    previous == null ? null : previous.getKey(), previous == null ? null : previous.getValue(),
                    latestYear, latestValue, figure.targetYear(), figure.targetValue(), judgement, figure.source(),
                    figure.note(), List.copyOf(series)));
        }
        return rows;
    }

    private static ActionRow row(Action action) {
        return new ActionRow(action.code(), action.title(), action.strategyId(),
                action.ownerName() == null ? "" : action.ownerName(), action.deadline(),
                action.status().label(java.util.Locale.forLanguageTag("sv")));
    }

    private static String place(Dialog dialog) {
        if (dialog.place() != null && !dialog.place().isBlank()) {
            return dialog.place();
        }
        return dialog.onlineUrl() == null || dialog.onlineUrl().isBlank() ? "" : "Digitalt";
    }

}
