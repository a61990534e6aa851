package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.db.Jdbc;
import se.planbot.plan.ActionFilter;

/**
 * Every console page, signed in as the coordinator, and the owner's pages from a reminder's link,
 * through axe-core in headless Chromium — also each form in its error state (submitted as it
 * stands): no serious or critical WCAG 2.1 A/AA violation. Needs .ci/needs-business.sh.
 */
class ConsoleAccessibilityTest {

    @TempDir
    Path folder;

    /**
     * Import (form, its error, a preview with changes, a preview of bad rows), dialogs (list, new and
     * its error, a published one, a draft's publish page, one that is not there), subscribers (and
     * the search's error), API keys (and the new key's error), the overview in English.
     */
    private List<String> toolPages(BusinessFixture app) throws Exception {
        var export = new java.io.ByteArrayOutputStream();
        app.planbot.transfer().exportCsv(export);
        Path good = folder.resolve("plan.csv");
        Files.writeString(good, export.toString(StandardCharsets.UTF_8).replace("Kommunledningskontoret", "Kommunstyrelsen")
                + "9.9;Ny;;1 Service och bemötande;;;;KLK;;2027-06-30;Planerad;0;plan\n", StandardCharsets.UTF_8);
        Path bad = folder.resolve("trasig.csv");
        Files.writeString(bad, export.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow()
                + "\n9.9;;;42;;;;KLK;;31/12;Klar;200;plan\n", StandardCharsets.UTF_8);
        long draft = app.planbot.dialogs().dialogs().create(new se.planbot.dialogs.DialogDraft("Utkast till workshop", "",
                "", java.time.LocalDateTime.parse("2026-12-17T13:00"), java.time.LocalDateTime.parse("2026-12-17T15:00"),
                "Stadshuset", "", 20, List.of(2))).id();
        long published = app.planbot.dialogs().dialogs().allDialogs(java.time.Instant.EPOCH).stream()
                .filter(dialog -> dialog.state() == se.planbot.dialogs.DialogState.PUBLISHED).findFirst().orElseThrow().id();
        return List.of("/admin?locale=en", "/admin/import", "submit:/admin/import", "upload:/admin/import|" + good,
                "upload:/admin/import|" + bad, "/admin/import?created=1&updated=2&unchanged=3", "/admin/dialogs",
                "/admin/dialogs?locale=en", "/admin/dialogs/new", "submit:/admin/dialogs/new", "/admin/dialogs/" + published,
                "/admin/dialogs/" + draft, "/admin/dialogs/" + draft + "/publish", "/admin/dialogs/" + published + "/publish",
                "/admin/dialogs/99999", "/admin/subscribers", "submit:/admin/subscribers", "/admin/subscribers?locale=en",
                "/admin/tokens", "submit:/admin/tokens", "/admin/tokens?revoked=1");
    }

    @Test
    void every_console_page_passes_axe_without_serious_or_critical_violations() throws Exception {
        assertThat(Path.of("a11y/node_modules/axe-core")).as("run .ci/needs-business.sh first").exists();
        assertThat(Path.of("/usr/bin/chromium")).as("run .ci/needs-business.sh first").exists();
        try (var app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"))) {
            var coordinator = app.planbot.plan().personByEmail("koordinator@example.se").orElseThrow();
            String session = app.planbot.signIn().signIn(coordinator.id(), "test").secret();
            long action = app.planbot.plan().actions(ActionFilter.all()).stream().filter(each -> each.ownerId() != null)
                    .findFirst().orElseThrow().id();
            app.planbot.sweep().run(app.now());
            String updateUrl = app.planbot.database().read(connection -> Jdbc.one(connection,
                    "select payload from outbox where template = 'reminder' order by id", row -> row.getString(1)))
                    .map(payload -> payload.replaceAll("(?s).*\"updateUrl\":\"([^\"]+)\".*", "$1")).orElseThrow();
            String update = BusinessFixture.path(updateUrl);
            String mine = "/admin/mine?" + update.substring(update.indexOf("token="));
            var paths = new ArrayList<>(List.of("/admin/login", "submit:/admin/login", "/admin/login?locale=en",
                    "/admin/login/link?token=ogiltig", "/admin", "/admin/actions", "/admin/actions?q=finns-inte",
                    "/admin/actions?locale=en", "/admin/actions/" + action, "submit:/admin/actions/" + action,
                    "/admin/actions/new", "submit:/admin/actions/new", "/admin/actions/99999", "/admin/people",
                    "submit:/admin/people", "/admin/people/" + coordinator.id(), "/admin/outbox",
                    "/admin/outbox?status=sent", update, "submit:" + update, mine, "/admin/update/1?token=ogiltig",
                    "/admin/follow-up", "submit:/admin/follow-up", "/admin/follow-up/2025", "/admin/follow-up/2026",
                    "/admin/follow-up/2026/publish",
                    "/admin/indicators", "/admin/indicators/7", "submit:/admin/indicators/7", "/admin/indicators/2"));
            app.publishFollowUp(2025);
            app.planbot.followUp().reports().startDraft(2026, "test");
            app.planbot.followUp().comments().askOwners(2026);
            String comment = BusinessFixture.path(app.planbot.database().read(connection -> Jdbc.one(connection,
                    "select payload from outbox where template = 'followup-comment' order by id", row -> row.getString(1)))
                    .map(payload -> payload.replaceAll("(?s).*\"url\":\"([^\"]+)\".*", "$1")).orElseThrow());
            paths.addAll(List.of(comment, "submit:" + comment));
            paths.addAll(toolPages(app));

            var command = new ArrayList<>(List.of("node", "check.mjs", app.base));
            // ASCII arguments only (file paths in the temp folder, codes): the suite also runs with a US-ASCII default charset.
            command.addAll(paths);
            Path log = folder.resolve("a11y.log");
            var builder = new ProcessBuilder(command).directory(Path.of("a11y").toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("PLANBOT_COOKIES", "planbot_session=" + session);
            Process process = builder.start();
            boolean finished = process.waitFor(5, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(finished).as(output).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("accessibility: " + paths.size() + " pages, no serious or critical violations");
        }
    }
}
