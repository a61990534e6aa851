package se.planbot.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.regex.Pattern;
import se.planbot.config.Config;
import se.planbot.config.Organisation;

/**
 * The mail configuration, checked once at start-up so a bad value stops Planbot with a message
 * naming the key instead of failing on the first reminder.
 */
public record MailSettings(
        String transport,
        Path fileDirectory,
        InternetAddress from,
        String host,
        int port,
        String username,
        String password,
        boolean starttls,
        boolean ssl,
        Duration timeout,
        String baseUrl,
        String messageIdHost,
        ZoneId zone,
        Organisation organisation, int maxPerMinute) {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}");

    public static MailSettings from(Config config) {
        String transport = config.oneOf("mail.transport", "file", "smtp");
        var organisation = Organisation.from(config);
        InternetAddress from = address(config, organisation.senderName());
        String baseUrl = config.baseUrl("public.base-url");
        String host;
        try {
            host = new URI(baseUrl).getHost();
        } catch (URISyntaxException e) {
            host = null;
        }
        if (host == null || !HOST.matcher(host).matches()) {
            throw Config.invalid("public.base-url", baseUrl, "ska vara en adress som https://planbot.kommun.se");
        }
        String smtpHost = config.string("smtp.host");
        if (!HOST.matcher(smtpHost).matches()) {
            throw Config.invalid("smtp.host", smtpHost, "ska vara ett värdnamn eller en IP-adress");
        }
        boolean starttls = config.bool("smtp.starttls");
        boolean ssl = config.bool("smtp.ssl");
        if (starttls && ssl) {
            throw Config.invalid("smtp.ssl", "true", "kan inte kombineras med smtp.starttls=true: välj STARTTLS (587) eller SMTPS (465)");
        }
        return new MailSettings(
                transport,
                config.path("mail.file-dir"),
                from,
                smtpHost,
                config.integer("smtp.port", 1, 65535),
                config.string("smtp.username"),
                config.string("smtp.password"),
                starttls,
                ssl,
                Duration.ofSeconds(config.integer("smtp.timeout-seconds", 1, 600)),
                baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl,
                host,
                config.zone("timezone"),
                organisation, maxPerMinute(config));
    }

    /** {@code smtp.max-per-minute}: empty or 0 is unlimited. */
    private static int maxPerMinute(Config config) {
        String value = config.string("smtp.max-per-minute").trim();
        if (value.isEmpty()) {
            return 0;
        }
        if (!value.matches("\\d{1,7}") || Integer.parseInt(value) > 1_000_000) {
            throw Config.invalid("smtp.max-per-minute", value,
                    "ska vara ett heltal 1–1000000 (meddelanden per minut), eller tomt för obegränsat");
        }
        return Integer.parseInt(value);
    }

    private static InternetAddress address(Config config, String senderName) {
        String value = config.string("mail.from");
        try {
            InternetAddress parsed = new InternetAddress(value, true);
            if (value.contains("\r") || value.contains("\n")) {
                throw new AddressException("line break");
            }
            // The organisation's sender name, encoded as UTF-8 (å ä ö become RFC 2047 words).
            return new InternetAddress(parsed.getAddress(), senderName, "UTF-8");
        } catch (AddressException | UnsupportedEncodingException e) {
            throw Config.invalid("mail.from", value, "ska vara en e-postadress, t.ex. Planbot <planbot@kommun.se>");
        }
    }

    /** Copy with another transport target; for tests and the benchmark. */
    public MailSettings withSmtp(String smtpHost, int smtpPort) {
        return new MailSettings("smtp", fileDirectory, from, smtpHost, smtpPort, username, password, starttls, ssl,
                timeout, baseUrl, messageIdHost, zone, organisation, maxPerMinute);
    }

    @Override
    public String toString() {
        // Never the password: settings may end up in a log line.
        return "MailSettings[" + transport + ", " + host + ":" + port + ", from " + from + "]";
    }
}
