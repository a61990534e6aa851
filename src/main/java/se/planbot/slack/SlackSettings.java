package se.planbot.slack;

import java.time.ZoneId;
import java.util.Locale;
import se.planbot.config.Config;

/**
 * Slack's part of the configuration. Slack is on only with both a bot token and a signing
 * secret; an app token ({@code xapp-…}) switches from the HTTP endpoint to Socket Mode.
 */
public record SlackSettings(
        String botToken,
        String signingSecret,
        String appToken,
        String apiUrl,
        String coordinatorChannel,
        String command,
        String publicBaseUrl,
        Locale locale,
        ZoneId zone) {

    public static SlackSettings from(Config config) {
        String command = config.string("slack.command").trim();
        if (!command.matches("/[a-z0-9_\\-åäö]{1,31}")) {
            throw Config.invalid("slack.command", command, "ska vara ett snedstreck och ett ord, t.ex. /plan");
        }
        String apiUrl = config.string("slack.api-url").trim();
        if (!apiUrl.startsWith("http://") && !apiUrl.startsWith("https://")) {
            throw Config.invalid("slack.api-url", apiUrl, "ska vara en http(s)-adress, t.ex. https://slack.com/api/");
        }
        String appToken = config.string("slack.app-token").trim();
        if (!appToken.isEmpty() && !appToken.startsWith("xapp-")) {
            throw Config.invalid("slack.app-token", "…", "ska börja med xapp- (en app-nivå-token för Socket Mode)");
        }
        return new SlackSettings(
                config.string("slack.bot-token").trim(),
                config.string("slack.signing-secret").trim(),
                appToken,
                apiUrl.endsWith("/") ? apiUrl : apiUrl + "/",
                config.string("slack.coordinator-channel").trim(),
                command,
                config.baseUrl("public.base-url").replaceAll("/+$", ""),
                config.locale("locale"),
                config.zone("timezone"));
    }

    public boolean enabled() {
        return !botToken.isEmpty() && !signingSecret.isEmpty();
    }

    public boolean socketMode() {
        return enabled() && !appToken.isEmpty();
    }

    /** Why Slack is off, in words for the log and /health; empty when it is on. */
    public String offReason() {
        if (botToken.isEmpty() && signingSecret.isEmpty()) {
            return "slack.bot-token och slack.signing-secret är tomma";
        }
        if (botToken.isEmpty()) {
            return "slack.bot-token är tom";
        }
        if (signingSecret.isEmpty()) {
            return "slack.signing-secret är tom";
        }
        return "";
    }

    public String mode() {
        return !enabled() ? "off" : socketMode() ? "socket" : "http";
    }
}
