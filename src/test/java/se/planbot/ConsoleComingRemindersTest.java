package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.db.Jdbc;
import se.planbot.plan.ActionDraft;
import se.planbot.plan.ActionStatus;
import se.planbot.plan.PersonDraft;
import se.planbot.plan.PersonRole;

/**
 * Översikt's "what the reminder rules will send in the next 7 days": the sweep's own rules, run as
 * a dry run day by day (who, which action, which day), and nothing queued by looking.
 */
class ConsoleComingRemindersTest {

    @TempDir
    Path folder;
    BusinessFixture app;
    ConsoleClient coordinator;

    @BeforeEach
    void start() {
        // Tuesday 1 December 2026
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"));
        coordinator = ConsoleClient.signedIn(app, app.planbot.plan().personByEmail("koordinator@example.se").orElseThrow());
        var owner = app.planbot.plan().createPerson(new PersonDraft("Olle Ägare", "olle@example.se", null, PersonRole.OWNER));
        app.planbot.plan().createAction(new ActionDraft("8.1", "Mässa för besöksnäringen", "", 1, owner.id(), "Kultur",
                null, LocalDate.of(2026, 12, 9), ActionStatus.IN_PROGRESS, 40, "plan"), "test");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** The scheduler's start-up sweep runs on its own thread; let it finish so it is not counted as the preview's. */
    private void awaitStartUpSweep() {
        long stable = -1;
        for (int i = 0; i < 40; i++) {
            long now = outboxRows();
            if (now == stable) {
                return;
            }
            stable = now;
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private long outboxRows() {
        return app.planbot.database().read(connection -> Jdbc.count(connection, "select count(*) from outbox"));
    }

    @Test
    void the_overview_lists_who_gets_which_reminder_on_which_day_and_queues_nothing() {
        awaitStartUpSweep();
        long before = outboxRows();
        var page = coordinator.get("/admin");
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("Det här skickar påminnelsereglerna de kommande 7 dagarna");
        // Deadline 9 December: the 7-day point on Wednesday 2 December, the 1-day point on Tuesday 8 December.
        assertThat(body).containsPattern("onsdag 2 december</td>\\s*<td[^>]*>Olle Ägare \\(olle@example.se\\)</td>\\s*"
                + "<td[^>]*>Påminnelse om klart senast</td>\\s*<td[^>]*>8.1 Mässa för besöksnäringen");
        assertThat(body).containsPattern("tisdag 8 december</td>\\s*<td[^>]*>Olle Ägare");
        assertThat(body).containsPattern("måndag 7 december</td>\\s*<td[^>]*>[^<]*koordinator@example.se\\)</td>\\s*"
                + "<td[^>]*>Veckosammanfattning");
        assertThat(outboxRows()).as("a preview queues nothing").isEqualTo(before);
        assertThat(coordinator.get("/admin?locale=en").body()).contains("What the reminder rules will send in the next 7 days")
                .contains("Wednesday 2 December");
    }
}
