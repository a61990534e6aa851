package se.planbot.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.Fixtures;
import se.planbot.TestClock;
import se.planbot.config.ConfigException;
import se.planbot.outbox.Channel;
import se.planbot.outbox.QueuedMessage;
import se.planbot.outbox.SendFailure;

/** SMTP settings that matter in production: login, timeouts, refusing nonsense configuration. */
class SmtpMailSenderTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("planbot", "hemligt"));

    @TempDir
    Path folder;

    private final TestClock clock = TestClock.at("2026-12-01T08:00");

    private SmtpMailSender sender(Map<String, String> overrides) {
        var settings = MailSettings.from(Fixtures.config(folder, overrides));
        return new SmtpMailSender(settings, new MailComposer(new MailTemplates(Path.of("templates")), settings, clock));
    }

    private static QueuedMessage message() {
        return new QueuedMessage(7, "test:7", Channel.EMAIL, "asa@example.se", "Åsa", "reminder",
                Map.of("personName", "Åsa", "date", "2026-12-01", "items", List.of()), Locale.forLanguageTag("sv"), 0,
                Instant.parse("2026-12-01T07:00:00Z"));
    }

    @Test
    void a_login_is_used_when_a_username_is_set_and_a_wrong_password_is_a_temporary_failure() throws Exception {
        String port = String.valueOf(greenMail.getSmtp().getPort());
        try (var sender = sender(Map.of("smtp.host", "127.0.0.1", "smtp.port", port, "smtp.username", "planbot",
                "smtp.password", "hemligt"))) {
            sender.send(message());
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        try (var sender = sender(Map.of("smtp.host", "127.0.0.1", "smtp.port", port, "smtp.username", "planbot",
                "smtp.password", "fel"))) {
            assertThatThrownBy(() -> sender.send(message())).isInstanceOf(SendFailure.class)
                    .matches(failure -> !((SendFailure) failure).isPermanent())
                    .hasMessageContaining("godtog inte inloggningen");
        }
    }

    @Test
    void a_server_that_never_answers_times_out_instead_of_hanging() throws Exception {
        var held = new ArrayList<Socket>();
        try (var silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    held.add(silent.accept());
                } catch (Exception e) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            try (var sender = sender(Map.of("smtp.host", "127.0.0.1", "smtp.port",
                    String.valueOf(silent.getLocalPort()), "smtp.timeout-seconds", "1"))) {
                assertThatThrownBy(() -> sender.send(message())).isInstanceOf(SendFailure.class)
                        .matches(failure -> !((SendFailure) failure).isPermanent());
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void with_starttls_on_nothing_is_sent_in_clear_to_a_server_that_does_not_offer_it() throws Exception {
        try (var server = new FakeSmtpServer("250 2.1.5 OK", false);
                var sender = sender(Map.of("smtp.host", "127.0.0.1", "smtp.port", String.valueOf(server.port()),
                        "smtp.starttls", "true"))) {
            assertThatThrownBy(() -> sender.send(message())).isInstanceOf(SendFailure.class)
                    .hasMessageContaining("STARTTLS");
            assertThat(server.messages.get()).isZero();
        }
    }

    @Test
    void every_timeout_is_set_and_tls_settings_follow_the_configuration() {
        var plain = SmtpMailSender.properties(MailSettings.from(Fixtures.config(folder, Map.of())));
        assertThat(plain).containsEntry("mail.smtp.connectiontimeout", "30000").containsEntry("mail.smtp.timeout", "30000")
                .containsEntry("mail.smtp.writetimeout", "30000").doesNotContainKey("mail.smtp.starttls.enable");
        var starttls = SmtpMailSender.properties(MailSettings.from(Fixtures.config(folder, Map.of("smtp.starttls", "true"))));
        assertThat(starttls).containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true");
        var ssl = SmtpMailSender.properties(MailSettings.from(Fixtures.config(folder, Map.of("smtp.ssl", "true"))));
        assertThat(ssl).containsEntry("mail.smtp.ssl.enable", "true");
    }

    @Test
    void nonsense_mail_configuration_stops_start_up_with_a_message_naming_the_key() {
        assertThatThrownBy(() -> MailSettings.from(Fixtures.config(folder, Map.of("mail.transport", "pigeon"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("mail.transport");
        assertThatThrownBy(() -> MailSettings.from(Fixtures.config(folder, Map.of("mail.from", "Planbot\r\nBcc: x@y.se"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("mail.from");
        assertThatThrownBy(() -> MailSettings.from(Fixtures.config(folder, Map.of("smtp.starttls", "true", "smtp.ssl", "true"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("smtp.ssl");
        assertThatThrownBy(() -> MailSettings.from(Fixtures.config(folder, Map.of("smtp.timeout-seconds", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("smtp.timeout-seconds");
        assertThat(MailSettings.from(Fixtures.config(folder, Map.of("smtp.password", "hemligt"))).toString())
                .doesNotContain("hemligt");
    }
}
