package se.planbot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planbot.config.ConfigException;
import se.planbot.dialogs.DialogDraft;
import se.planbot.dialogs.DialogService;
import se.planbot.indicators.DemoIndicators;
import se.planbot.plan.ActionFilter;
import se.planbot.plan.PersonDraft;
import se.planbot.plan.PersonRole;
import se.planbot.plan.PlanService;
import se.planbot.plan.PlanTransfer;
import se.planbot.proposals.Decision;
import se.planbot.proposals.ProposalDraft;
import se.planbot.proposals.ProposalOrigin;
import se.planbot.proposals.ProposalService;
import se.planbot.proposals.ProposalState;

/**
 * {@code serve --demo}: fills an empty database with the example plan under config/ through the
 * ordinary import (dates in it are relative to today, so the demo always has overdue and upcoming
 * actions), a coordinator, one published breakfast dialog and the programme's indicators. A
 * database that already holds actions is left alone.
 */
final class Demo {

    private static final Logger log = LoggerFactory.getLogger(Demo.class);
    private static final Path PLAN = Path.of("config/demo-plan.csv");
    private static final Pattern RELATIVE_DATE = Pattern.compile("\\$\\{today([+-]\\d+)\\}");

    private final PlanService plan;
    private final PlanTransfer transfer;
    private final DialogService dialogs;
    private final DemoIndicators indicators;
    private final ProposalService proposals;

    Demo(PlanService plan, PlanTransfer transfer, DialogService dialogs, DemoIndicators indicators,
            ProposalService proposals) {
        this.plan = plan;
        this.transfer = transfer;
        this.dialogs = dialogs;
        this.indicators = indicators;
        this.proposals = proposals;
    }

    void loadIntoEmptyDatabase() {
        if (!plan.actions(ActionFilter.all()).isEmpty()) {
            log.info("Demo data not loaded: the database already holds actions");
            return;
        }
        try {
            String text = Files.readString(PLAN, StandardCharsets.UTF_8);
            LocalDate today = plan.today();
            Matcher matcher = RELATIVE_DATE.matcher(text);
            String dated = matcher.replaceAll(match -> today.plusDays(Long.parseLong(match.group(1))).toString());
            var result = transfer.importCsv(dated.getBytes(StandardCharsets.UTF_8), "demo");
            plan.createPerson(new PersonDraft("Koordinator Demo", "koordinator@example.se", null, PersonRole.COORDINATOR));
            var breakfast = today.plusDays(14).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY)).atTime(8, 0);
            var dialog = dialogs.create(new DialogDraft("Frukostmöte om kompetensförsörjning",
                    "Kompetensförsörjning", "Hur hittar och behåller företagen i kommunen rätt kompetens?",
                    breakfast, breakfast.plusMinutes(90), "Stadshuset, sal 1", "", 40, List.of(2)));
            dialogs.publish(dialog.id());
            indicators.loadIntoEmptyStore();
            addProposals(dialog.id());
            log.info("Demo data loaded from {}: {}, one published dialog, two proposals and the indicators", PLAN,
                    result.summary());
        } catch (IOException e) {
            throw new ConfigException("Demodata saknas: " + PLAN + " kan inte läsas (" + e.getMessage() + ")");
        }
    }

    /** Two proposals without contact details (so the demo mails nobody): one linked to an action, one rejected. */
    private void addProposals(long dialogId) {
        var sv = java.util.Locale.forLanguageTag("sv");
        var fair = proposals.register(new ProposalDraft("Gemensam rekryteringsmässa för industrin",
                "Företagen vill möta elever och arbetssökande tillsammans en gång om året.", 2, ProposalOrigin.DIALOG,
                dialogId, "", "", null, false, false, sv, "demo"), "demo");
        var action = plan.actions(ActionFilter.all()).stream().filter(found -> found.strategyId() == 2).findFirst();
        action.ifPresent(found -> proposals.decide(fair.id(), new Decision(ProposalState.ACCEPTED,
                "Ingår i åtgärd " + found.code() + ".", List.of(found.id()), null, null), "demo"));
        var bikes = proposals.register(new ProposalDraft("Fler cykelparkeringar vid stationen", "", null,
                ProposalOrigin.MEETING, null, "", "", null, false, false, sv, "demo"), "demo");
        proposals.decide(bikes.id(), new Decision(ProposalState.REJECTED,
                "Trafikverket bygger ut parkeringen 2027; kommunen gör inget eget.", List.of(), null, null), "demo");
    }
}
