package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proposal pages under the same axe check as the other pages (a11y/check.mjs in Chromium): no
 * serious or critical WCAG 2.1 A/AA violation, and reflow at 320 px (also 390 and 1280): the public
 * list, a timeline, the form alone and on a dialog's page (and each with its errors), the stop page,
 * in Swedish and English; and the console's list, review page and workshop registration.
 */
class ProposalAccessibilityTest {

    @TempDir
    Path folder;

    @Test
    void the_public_proposal_pages_pass_axe_and_reflow_at_320_px() throws Exception {
        assumeTools();
        try (var app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"))) {
            long dialog = app.publishDialog("Workshop om kompetens", "2026-12-01T10:30", "2026-12-01T12:00", 20, "[2]");
            app.clock.set(BusinessFixture.at("2026-12-01T12:30"));
            app.submit("/proposals/new", "/proposals", Map.of("title", "Gemensam rekryteringsmässa",
                    "description", "Företagen möter elever tillsammans.", "strategy", "2", "name", "Eva Ek",
                    "email", "eva@ekbygg.se", "showName", "yes", "consent", "yes"));
            String stop = BusinessFixture.path(app.lastMail("eva@ekbygg.se", "proposal-receipt").get("stopLink").asText());
            var paths = new ArrayList<>(List.of("/proposals", "/proposals?locale=en", "/proposals/1", "/proposals/2",
                    "/proposals/3", "/proposals/1?locale=en", "/proposals/new", "submit:/proposals/new",
                    "/proposals/new?locale=en", "/dialogs/" + dialog, "/dialogs/" + dialog + "?locale=en", stop,
                    "/plan/actions/5", "/proposals/999"));
            run(app, paths, null);
        }
    }

    @Test
    void the_console_proposal_pages_pass_axe_and_reflow_at_320_px() throws Exception {
        assumeTools();
        try (var app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"))) {
            var coordinator = app.planbot.plan().personByEmail("koordinator@example.se").orElseThrow();
            String session = app.planbot.signIn().signIn(coordinator.id(), "test").secret();
            ConsoleClient.signedIn(app, coordinator).post("/admin/proposals", Map.of("origin", "meeting",
                    "lines", "Gemensam lunchbuss"));
            var paths = new ArrayList<>(List.of("/admin/proposals", "/admin/proposals?state=received&strategy=2",
                    "/admin/proposals?locale=en", "/admin/proposals/3", "submit:/admin/proposals/3",
                    "/admin/proposals/1", "/admin/proposals/new", "submit:/admin/proposals/new",
                    "/admin/proposals/new?locale=en"));
            run(app, paths, "planbot_session=" + session);
        }
    }

    private static void assumeTools() {
        assertThat(Path.of("a11y/node_modules/axe-core")).as("run .ci/needs-business.sh first").exists();
        assertThat(Path.of("/usr/bin/chromium")).as("run .ci/needs-business.sh first").exists();
    }

    private void run(BusinessFixture app, List<String> paths, String cookies) throws Exception {
        var command = new ArrayList<>(List.of("node", "check.mjs", app.base));
        command.addAll(paths);
        Path log = folder.resolve("a11y-" + System.nanoTime() + ".log");
        var builder = new ProcessBuilder(command).directory(Path.of("a11y").toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        if (cookies != null) {
            builder.environment().put("PLANBOT_COOKIES", cookies);
        }
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
