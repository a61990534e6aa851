package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.mail.FakeSmtpServer;
import se.planbot.outbox.OutboxEntry;
import se.planbot.outbox.OutboxStatus;

/**
 * Utskick in the console: a message the mail server refused for good (550 from a real SMTP
 * conversation) is listed with its error, found by recipient, and sent again; a message that is
 * not dead is never sent twice.
 */
class ConsoleOutboxTest {

    @TempDir
    Path folder;
    FakeSmtpServer smtp;
    BusinessFixture app;
    ConsoleClient coordinator;
    OutboxEntry dead;

    @BeforeEach
    void a_mail_is_refused_for_good() throws Exception {
        smtp = new FakeSmtpServer("550 5.1.1 <okand@example.se>: no such user", false);
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"), Map.of("mail.transport", "smtp",
                "smtp.host", "127.0.0.1", "smtp.port", String.valueOf(smtp.port()), "smtp.timeout-seconds", "5"));
        coordinator = ConsoleClient.signedIn(app, app.planbot.plan().personByEmail("koordinator@example.se").orElseThrow());
        // The sweep itself, not the scheduler's start-up one (which may not have run yet on a slow database).
        app.planbot.remind(false);
        dead = app.planbot.outboxAdmin().list(OutboxStatus.DEAD).get(0);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        smtp.close();
    }

    @Test
    void a_dead_message_is_listed_found_by_recipient_and_sent_again_once() {
        var list = coordinator.get("/admin/outbox");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Misslyckade").contains(dead.recipient()).contains("550")
                .contains("/admin/outbox/" + dead.id() + "/retry");
        var searched = coordinator.get("/admin/outbox?status=dead&recipient=" + dead.recipient().substring(0, 5).toUpperCase());
        assertThat(searched.body()).contains(dead.recipient());
        assertThat(coordinator.get("/admin/outbox?status=dead&recipient=finns-inte").body()).contains("0 meddelanden");

        var retried = coordinator.post("/admin/outbox/" + dead.id() + "/retry", Map.of());
        assertThat(retried.statusCode()).isEqualTo(303);
        assertThat(retried.headers().firstValue("Location")).hasValue("/admin/outbox?status=dead&retried=" + dead.id());
        assertThat(app.planbot.outboxAdmin().entry(dead.id()).orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);

        var again = coordinator.post("/admin/outbox/" + dead.id() + "/retry", Map.of());
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("bara meddelanden som gett upp (dead) kan skickas om");
        assertThat(coordinator.post("/admin/outbox/99999/retry", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void the_other_states_are_listed_without_a_retry_button() {
        var pending = coordinator.get("/admin/outbox?status=pending");
        assertThat(pending.statusCode()).isEqualTo(200);
        assertThat(pending.body()).contains("Väntar").doesNotContain("/retry\"");
        assertThat(coordinator.get("/admin/outbox?status=nonsense").body()).contains("<caption>Misslyckade</caption>");
    }
}
