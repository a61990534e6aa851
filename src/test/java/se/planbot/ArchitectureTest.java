package se.planbot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Feature packages stay free of cycles; the faces (web, Slack) hold no SQL, reach no store and no
 * database directly, and no feature package reaches into a face.
 */
class ArchitectureTest {

    private static final JavaClasses PLANBOT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("se.planbot");

    @Test
    void feature_packages_have_no_dependency_cycles() {
        slices().matching("se.planbot.(*)..").should().beFreeOfCycles().check(PLANBOT);
    }

    @Test
    void the_web_face_holds_no_sql() {
        // Slack's own rule (SlackArchitectureTest) allows it one table of its own, the seen event ids.
        noClasses().that().resideInAnyPackage("se.planbot.web..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "se.planbot.db..")
                .because("faces translate requests into calls on feature packages, which own their SQL")
                .check(PLANBOT);
    }

    @Test
    void feature_packages_do_not_reach_into_the_faces() {
        noClasses().that().resideInAnyPackage("se.planbot.plan..", "se.planbot.db..", "se.planbot.auth..",
                        "se.planbot.config..", "se.planbot.problem..", "se.planbot.dialogs..", "se.planbot.subscribers..",
                        "se.planbot.reminders..", "se.planbot.outbox..", "se.planbot.mail..", "se.planbot.http..",
                        "se.planbot.oidc..")
                .should().dependOnClassesThat().resideInAnyPackage("se.planbot.web..", "se.planbot.slack..")
                .check(PLANBOT);
    }

    @Test
    void the_faces_reach_no_store_directly() {
        noClasses().that().resideInAnyPackage("se.planbot.web..", "se.planbot.slack..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Store")
                .because("a face calls its feature's service, which owns the store and its rules")
                .check(PLANBOT);
    }

    @Test
    void the_web_face_does_not_depend_on_slack_and_slack_not_on_the_web_face() {
        noClasses().that().resideInAnyPackage("se.planbot.slack..")
                .should().dependOnClassesThat().resideInAnyPackage("se.planbot.web..")
                .check(PLANBOT);
        noClasses().that().resideInAnyPackage("se.planbot.web..")
                .should().dependOnClassesThat().resideInAnyPackage("se.planbot.slack..")
                .check(PLANBOT);
    }
}
