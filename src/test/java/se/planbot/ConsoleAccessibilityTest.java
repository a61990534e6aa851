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

            var command = new ArrayList<>(List.of("node", "check.mjs", app.base));
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
