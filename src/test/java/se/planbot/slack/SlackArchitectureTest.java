package se.planbot.slack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Slack is a face: no SQL except its own event-id table, and the plan's rules stay in plan/. */
class SlackArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("se.planbot");

    @Test
    void slack_holds_no_sql_except_its_own_tables_of_seen_events_and_signatures() {
        noClasses().that().resideInAPackage("se.planbot.slack..")
                .and().doNotHaveSimpleName("SeenEvents")
                .and().doNotHaveSimpleName("ReplayGuard")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("se.planbot.db.Jdbc")
                .check(classes);
    }

    @Test
    void nothing_outside_planbot_wiring_depends_on_slack() {
        noClasses().that().resideOutsideOfPackages("se.planbot.slack..")
                .and().doNotHaveFullyQualifiedName("se.planbot.Planbot")
                .and().doNotHaveFullyQualifiedName("se.planbot.Main")
                .and().doNotHaveFullyQualifiedName("se.planbot.RouteTable")
                .should().dependOnClassesThat().resideInAPackage("se.planbot.slack..")
                .check(classes);
    }
}
