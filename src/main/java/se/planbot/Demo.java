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

    Demo(PlanService plan, PlanTransfer transfer, DialogService dialogs, DemoIndicators indicators) {
        this.plan = plan;
        this.transfer = transfer;
        this.dialogs = dialogs;
        this.indicators = indicators;
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
            log.info("Demo data loaded from {}: {}, and one published dialog", PLAN, result.summary());
        } catch (IOException e) {
            throw new ConfigException("Demodata saknas: " + PLAN + " kan inte läsas (" + e.getMessage() + ")");
        }
    }
}
