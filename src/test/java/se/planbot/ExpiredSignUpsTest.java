package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.db.Jdbc;

/** A sign-up nobody confirms is forgotten when its link has expired, as the confirmation mail promises. */
class ExpiredSignUpsTest {

    @TempDir
    Path folder;

    private BusinessFixture app;

    @BeforeEach
    void start() {
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private long rowsMentioning(String address) {
        return app.planbot.database().read(connection ->
                Jdbc.count(connection, "select count(*) from subscribers where email = ?", address)
                + Jdbc.count(connection, "select count(*) from outbox where recipient = ? or payload like ?",
                        address, "%" + address + "%"));
    }

    @Test
    void an_unconfirmed_sign_up_is_erased_once_its_link_has_expired_and_a_confirmed_one_is_kept() {
        app.submit("/subscribe", "/subscribe", Map.of("email", "glomd@foretag.se", "name", "Glömd",
                "topics", List.of(1), "consent", "yes"));
        app.subscribeAndConfirm("kvar@foretag.se", "Kvar", List.of(1));
        assertThat(rowsMentioning("glomd@foretag.se")).isEqualTo(2);

        app.clock.advance(Duration.ofDays(6));
        app.planbot.sweep().run(app.now());
        assertThat(app.subscriberStatus("glomd@foretag.se")).isEqualTo("pending");

        app.clock.advance(Duration.ofDays(1).plusMinutes(1));
        app.planbot.sweep().run(app.now());
        assertThat(rowsMentioning("glomd@foretag.se")).isZero();
        assertThat(app.subscriberStatus("kvar@foretag.se")).isEqualTo("confirmed");
    }
}
