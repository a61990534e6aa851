package se.planbot.reminders;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import se.planbot.config.Config;

/**
 * The reminder configuration, checked at start-up.
 *
 * @param slackEnabled   Slack is configured (bot token and signing secret); Planbot decides
 * @param slackDirect    {@code slack.reminders=dm}: owners with a Slack id are reminded in Slack
 * @param coordinatorEmails {@code coordinator.email} (comma-separated); empty → people with role coordinator
 * @param slackCommand   the slash command, so an email can tell the owner how to update in Slack
 */
public record ReminderSettings(
        List<Integer> deadlineDays,
        String digestCron,
        int sweepMinutes,
        ZoneId zone,
        Locale locale,
        String baseUrl,
        boolean slackEnabled,
        boolean slackDirect,
        Optional<String> slackCoordinatorChannel,
        List<String> coordinatorEmails,
        String slackCommand) {

    public static ReminderSettings from(Config config, boolean slackEnabled) {
        ZoneId zone = config.zone("timezone");
        String cron = config.string("reminders.digest-cron");
        DigestSchedule.check(cron, zone);
        String baseUrl = config.baseUrl("public.base-url");
        List<String> coordinators = Arrays.stream(config.string("coordinator.email").split(","))
                .map(String::trim).filter(address -> !address.isEmpty()).toList();
        for (String address : coordinators) {
            if (!address.matches("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+")) {
                throw Config.invalid("coordinator.email", config.string("coordinator.email"),
                        "ska vara en eller flera e-postadresser åtskilda med komma");
            }
        }
        return new ReminderSettings(
                config.integers("reminders.deadline-days", 0, 365),
                cron,
                config.integer("reminders.sweep-minutes", 1, 1440),
                zone,
                config.locale("locale"),
                baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl,
                slackEnabled,
                config.oneOf("slack.reminders", "dm", "email").equals("dm"),
                config.optional("slack.coordinator-channel"),
                coordinators,
                config.string("slack.command"));
    }
}
