package se.planbot.followup;

import java.time.Clock;
import java.time.ZoneId;
import se.planbot.db.Database;
import se.planbot.dialogs.DialogService;
import se.planbot.plan.PlanService;

/**
 * The yearly follow-up put together: the workflow ({@link FollowUpService}) and the downloads
 * ({@link ReportPdf}, {@link ReportXlsx}). Indicators and proposals come in through their small
 * interfaces, so the report works without either feature.
 */
public record FollowUp(FollowUpService reports, ReportPdf pdf, ReportXlsx xlsx) {

    public static FollowUp create(Database database, PlanService plan, DialogService dialogs,
            IndicatorFigures indicators, ProposalOutcomes proposals, Clock clock, ZoneId zone) {
        var collector = new FigureCollector(database, plan, dialogs, indicators, proposals, clock, zone);
        return new FollowUp(new FollowUpService(database, collector, clock), new ReportPdf(), new ReportXlsx(zone));
    }
}
