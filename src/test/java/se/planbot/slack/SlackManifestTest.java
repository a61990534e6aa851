package se.planbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import se.planbot.config.Config;

/** The manifest asks Slack for what Planbot handles, on the URL it serves, with no more scopes than it needs. */
class SlackManifestTest {

    private final String manifest;

    SlackManifestTest() throws Exception {
        manifest = Files.readString(Path.of("config/slack-manifest.yml"), StandardCharsets.UTF_8);
    }

    @Test
    void the_command_events_interactivity_and_home_tab_match_what_planbot_handles() {
        assertThat(manifest).contains("- command: " + Config.DEFAULTS.get("slack.command"))
                .contains("- app_mention", "- app_home_opened", "home_tab_enabled: true", "is_enabled: true");
        assertThat(Pattern.compile("https://planbot\\.example\\.se" + SlackEventsRoute.PATH).matcher(manifest).results().count())
                .isEqualTo(3);
    }

    @Test
    void only_the_three_scopes_planbot_uses_are_requested() {
        String bot = manifest.substring(manifest.indexOf("    bot:"), manifest.indexOf("settings:"));
        assertThat(bot.lines().filter(line -> line.trim().startsWith("- ")).map(String::trim).toList())
                .containsExactly("- commands", "- app_mentions:read", "- chat:write");
    }
}
