package se.planbot.followup;

import java.time.Clock;
import java.time.ZoneId;
import se.planbot.db.Database;
import se.planbot.dialogs.DialogService;
import se.planbot.outbox.Outbox;
import se.planbot.plan.PlanService;
import se.planbot.signin.OwnerLinks;

/**
 * The yearly follow-up put together: the workflow ({@link FollowUpService}) and the downloads
 * ({@link ReportPdf}, {@link ReportXlsx}). Indicators and proposals come in through their small
 * interfaces, so the report works without either feature.
 */
public record FollowUp(FollowUpService reports, ReportPdf pdf, ReportXlsx xlsx, OwnerComments comments) {

    /**
     * The report over the given sources, for tests: owners' comment mails get links to
     * localhost:7070 and their own outbox writer (Planbot uses the overload below).
     */
    public static FollowUp create(Database database, PlanService plan, DialogService dialogs,
            IndicatorFigures indicators, ProposalOutcomes proposals, Clock clock, ZoneId zone) {
        return create(database, plan, dialogs, indicators, proposals, new OwnerLinks(database, plan, clock),
                new Outbox(clock), clock, zone, "http://localhost:7070");
    }

    /** As above, with the owners' comment links and mails ({@code baseUrl} for the links). */
    public static FollowUp create(Database database, PlanService plan, DialogService dialogs,
            IndicatorFigures indicators, ProposalOutcomes proposals, OwnerLinks links, Outbox outbox, Clock clock,
            ZoneId zone, String baseUrl) {
        var collector = new FigureCollector(database, plan, dialogs, indicators, proposals, clock, zone);
        return new FollowUp(new FollowUpService(database, collector, clock), new ReportPdf(), new ReportXlsx(zone),
                new OwnerComments(database, plan, links, outbox, clock, baseUrl));
    }
}
