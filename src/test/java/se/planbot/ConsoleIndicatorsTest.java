package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.indicators.IndicatorValue;
import se.planbot.indicators.ValueSource;
import se.planbot.plan.PersonDraft;
import se.planbot.plan.PersonRole;

/**
 * The coordinator enters and corrects indicator values in the console: a table per indicator, a
 * year's value and note in one form, Swedish errors that keep what was typed, and a value entered
 * here that a Kolada figure never overwrites. Demo ids: 2 new jobs (derived), 3 Kolada, 7 turnover.
 */
class ConsoleIndicatorsTest {

    @TempDir
    Path folder;
    BusinessFixture app;
    ConsoleClient coordinator;

    @BeforeEach
    void start() {
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"));
        coordinator = ConsoleClient.signedIn(app, app.planbot.plan().personByEmail("koordinator@example.se").orElseThrow());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private IndicatorValue value(long id, int year) {
        return app.planbot.indicators().values(id).stream().filter(v -> v.year() == year).findFirst().orElseThrow();
    }

    @Test
    void the_list_and_one_indicators_table_show_every_year() {
        var list = coordinator.get("/admin/indicators");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Omsättning i kommunens företag", "href=\"/admin/indicators/7\"");

        var turnover = coordinator.get("/admin/indicators/7");
        assertThat(turnover.statusCode()).isEqualTo(200);
        assertThat(turnover.body()).contains("<td data-label=\"År\">2023</td>", "42\u00A0900", "Ange eller ändra ett års värde");
    }

    @Test
    void a_year_is_entered_with_a_note_and_shown_publicly() {
        var saved = coordinator.post("/admin/indicators/7/values", Map.of("year", "2024", "value", "44 100,5",
                "note", "Uppgift från UC"));

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValue("/admin/indicators/7?saved=2024");
        var stored = value(7, 2024);
        assertThat(stored.value()).isEqualByComparingTo("44100.5");
        assertThat(stored.source()).isEqualTo(ValueSource.MANUAL);
        assertThat(stored.note()).isEqualTo("Uppgift från UC");
        assertThat(coordinator.get("/admin/indicators/7?saved=2024").body()).contains("Sparat: året 2024.");
        assertThat(app.get("/indicators/7").body()).contains("44\u00A0100,5", "2024: Uppgift från UC");
    }

    @Test
    void editing_a_year_fills_the_form_and_saknas_records_a_missing_year() {
        var form = coordinator.get("/admin/indicators/7?year=2023").body();
        assertThat(form).contains("id=\"year\" name=\"year\" value=\"2023\"", "id=\"value\" name=\"value\" value=\"42900\"");

        coordinator.post("/admin/indicators/7/values", Map.of("year", "2023", "value", "saknas", "note", "Uppgiften drogs tillbaka"));

        assertThat(value(7, 2023).missing()).isTrue();
        assertThat(value(7, 2023).note()).isEqualTo("Uppgiften drogs tillbaka");
    }

    @Test
    void mistakes_are_named_in_swedish_keep_what_was_typed_and_change_nothing() {
        String before = app.planbot.indicators().values(7).toString();

        var bad = coordinator.post("/admin/indicators/7/values", Map.of("year", "20x4", "value", "mycket", "note", ""));

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("&#39;20x4&#39; är inget år (ÅÅÅÅ, t.ex. 2024)", "&#39;mycket&#39; är inget tal",
                "value=\"20x4\"", "value=\"mycket\"", "href=\"#year\"", "aria-invalid=\"true\"");
        var empty = coordinator.post("/admin/indicators/7/values", Map.of("year", "2024", "value", ""));
        assertThat(empty.body()).contains("ange ett värde, eller skriv saknas");
        assertThat(app.planbot.indicators().values(7).toString()).isEqualTo(before);
    }

    @Test
    void a_derived_indicator_shows_its_values_and_points_to_where_they_come_from() {
        var page = coordinator.get("/admin/indicators/2").body();

        assertThat(page).contains("Värdena räknas fram från", "href=\"/admin/indicators/1\"").doesNotContain("id=\"value\"");
    }

    @Test
    void a_kolada_figure_that_differs_from_a_value_entered_here_is_shown_with_a_way_to_take_it() {
        app.planbot.indicators().putValue(3, 2023, new BigDecimal("4.0"), "", "test");
        app.planbot.database().write(connection -> se.planbot.db.Jdbc.update(connection,
                "insert into indicator_value_differences (indicator_id, year, kolada_value, found_at) values (3, 2023, '4.2', ?)",
                Instant.parse("2026-12-01T09:00:00Z")));

        var page = coordinator.get("/admin/indicators/3").body();

        assertThat(page).contains("Kolada: 4,2", "href=\"/admin/indicators/3?year=2023&amp;value=4%2C2#year\"");
        assertThat(coordinator.get("/admin/indicators/3?year=2023&value=4%2C2").body()).contains("name=\"value\" value=\"4,2\"");
    }

    @Test
    void only_a_coordinator_reaches_the_indicator_pages() {
        var owner = app.planbot.plan().createPerson(new PersonDraft("Olle Ägare", "olle@kommun.se", null, PersonRole.OWNER));
        var asOwner = ConsoleClient.signedIn(app, owner);

        assertThat(asOwner.get("/admin/indicators").statusCode()).isEqualTo(403);
        assertThat(ConsoleClient.signedOut(app).get("/admin/indicators/7").statusCode()).isEqualTo(303);
        assertThat(coordinator.get("/admin/indicators/999").statusCode()).isEqualTo(404);
    }
}
