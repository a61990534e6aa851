package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.oidc.FakeIdentityProvider;

/**
 * Single sign-on in headless Chromium: the login page's button, the fake provider's redirects and
 * back, as a person's browser does it (a11y/oidc-signin.mjs); then the login page and a refusal
 * page through axe-core and the 320 px reflow check (a11y/check.mjs). Needs .ci/needs-business.sh.
 */
class ConsoleOidcBrowserTest {

    @TempDir
    Path folder;

    @Test
    void staff_sign_in_through_the_identity_provider_in_a_real_browser_and_the_pages_pass_axe() throws Exception {
        assertThat(Path.of("a11y/node_modules/playwright-core")).as("run .ci/needs-business.sh first").exists();
        int port;
        try (var free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        var clock = new MutableClock(BusinessFixture.at("2026-12-01T10:00"));
        try (var provider = new FakeIdentityProvider(clock);
                var app = new BusinessFixture(folder, clock.instant(), Map.of("http.port", String.valueOf(port),
                        "public.base-url", "http://localhost:" + port, "auth.oidc.issuer", provider.issuer(),
                        "auth.oidc.client-id", provider.clientId, "auth.oidc.client-secret", provider.clientSecret))) {
            provider.user = Map.of("email", "koordinator@example.se", "name", "Koordinator Demo");
            // ASCII arguments only: the suite also runs in a JVM whose default charset is US-ASCII.
            assertThat(node("oidc-signin.mjs", app.base, "Koordinator Demo."))
                    .contains("oidc sign-in: landed on /admin, shows");

            provider.user = Map.of("email", "praktikant@example.se", "name", "Praktikant");
            assertThat(node("oidc-signin.mjs", app.base, "praktikant@example.se"))
                    .contains("landed on /admin/login/oidc/callback, shows");

            assertThat(node("check.mjs", app.base, "/admin/login", "/admin/login?locale=en",
                    "/admin/login/oidc/callback?state=gammal"))
                    .contains("accessibility: 3 pages, no serious or critical violations");
        }
    }

    private String node(String script, String... arguments) throws Exception {
        var command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile(folder, "node", ".log");
        Process process = new ProcessBuilder(command).directory(Path.of("a11y").toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
