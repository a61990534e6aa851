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
 * Every public page (and every form in its error state) through axe-core in headless Chromium:
 * no serious or critical WCAG 2.1 A/AA violation, and laid out at 320 px (WCAG 1.4.10 reflow), 390 px
 * (a phone) and 1280 px: no sideways scrolling and nothing running out of its box. Needs .ci/needs-business.sh (Chromium and
 * a11y/node_modules); the same script runs by hand with {@code node a11y/check.mjs URL PATH...}.
 */
class AccessibilityTest {

    @TempDir
    Path folder;

    @Test
    void every_public_page_passes_axe_and_fits_a_phone_screen() throws Exception {
        assertThat(Path.of("a11y/node_modules/axe-core")).as("run .ci/needs-business.sh first").exists();
        assertThat(Path.of("/usr/bin/chromium")).as("run .ci/needs-business.sh first").exists();
        try (var app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"))) {
            var paths = new ArrayList<>(List.of("/", "/plan", "/plan?strategy=2&status=in_progress&overdue=true",
                    "/plan/actions/1", "/dialogs", "/subscribe", "submit:/subscribe", "/tillganglighet",
                    "/?locale=en", "/plan?locale=en", "/subscribe?locale=en", "/tillganglighet?locale=en", "/personuppgifter", "/personuppgifter?locale=en",
                    "/dialogs/999", "/finns-inte", "/unsubscribe?token=ogiltig", "/follow-up", "/follow-up/2026",
                    "/indicators", "/indicators/2", "/indicators/3", "/indicators?locale=en"));
            app.publishFollowUp(2026);
            app.submit("/subscribe", "/subscribe", Map.of("email", "anna@foretag.se", "name", "Anna",
                    "topics", List.of(2), "consent", "yes"));
            paths.add(BusinessFixture.path(app.lastMail("anna@foretag.se", "subscribe-confirm").get("confirmUrl").asText()));
            app.subscribeAndConfirm("bo@foretag.se", "Bo", List.of(2));
            long full = app.publishDialog("Fullbokad dialog", "2026-12-09T09:00", "2026-12-09T10:00", 1, "[2]");
            long open = app.publishDialog("Öppen dialog om kompetensförsörjning", "2026-12-10T09:00", "2026-12-10T11:00", 20, "[2]");
            app.submit("/dialogs/" + full, "/dialogs/" + full + "/register", Map.of("name", "Bo", "email", "bo@foretag.se"));
            var invitation = app.lastMail("bo@foretag.se", "dialog-invitation");
            String manage = BusinessFixture.path(invitation.get("preferencesUrl").asText());
            paths.addAll(List.of("/dialogs/" + full, "/dialogs/" + open, "submit:/dialogs/" + open,
                    "/dialogs/" + open + "?locale=en", manage, "submit:" + manage,
                    manage.replace("/preferences", "/unsubscribe"), manage.replace("/preferences", "/my-data"),
                    BusinessFixture.path(app.lastMail("bo@foretag.se", "registration-confirm").get("cancelUrl").asText())));

            var command = new ArrayList<>(List.of("node", "check.mjs", app.base));
            command.addAll(paths);
            Path log = folder.resolve("a11y.log");
            Process process = new ProcessBuilder(command).directory(Path.of("a11y").toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = process.waitFor(5, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(finished).as(output).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("accessibility: " + paths.size() + " pages, no serious or critical violations, "
                    + "every page fits 320, 390, 1280 px");
        }
    }
}
