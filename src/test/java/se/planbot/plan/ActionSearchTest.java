package se.planbot.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.db.Database;

/** The full-text index behind every search, and codes found in any spelling and sorted by their parts. */
class ActionSearchTest {

    @TempDir
    Path folder;
    Database database;
    PlanService plan;

    @BeforeEach
    void plan() {
        database = se.planbot.TestDatabase.open(folder.resolve("p.db"));
        plan = new PlanService(database, Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC),
                ZoneId.of("Europe/Stockholm"));
        database.write(connection -> {
            plan.saveStrategy(connection, new Strategy(1, "Service", ""));
            plan.saveStrategy(connection, new Strategy(2, "Plats", ""));
            return null;
        });
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Action add(String code, String title, String description) {
        return plan.createAction(new ActionDraft(code, title, description, code.startsWith("2") ? 2 : 1, null, "",
                null, null, null, null, null), "test");
    }

    private List<String> found(String text) {
        return plan.search(text, 0, 50).actions().stream().map(Action::code).toList();
    }

    @Test
    void swedish_letters_are_found_with_or_without_their_dots_and_rings_in_any_case() {
        add("1.1", "Förbättra företagsklimatet", "");
        add("1.2", "Åtgärder för ökad service", "");
        assertThat(found("foretagsklimatet")).containsExactly("1.1");
        assertThat(found("FÖRETAGSKLIMATET")).containsExactly("1.1");
        assertThat(found("atgarder OKAD")).containsExactly("1.2");
        assertThat(found("åtgärder")).containsExactly("1.2");
    }

    @Test
    void a_word_finds_the_words_it_begins_but_not_words_it_is_inside() {
        add("1.1", "Snabbare bygglov", "");
        add("1.2", "Nybyggda lokaler", "");
        assertThat(found("bygg")).containsExactly("1.1");
        assertThat(found("by")).containsExactly("1.1");
        assertThat(found("ggd")).isEmpty();
        assertThat(found("lok bygg")).isEmpty();
        assertThat(found("nybyggd lok")).containsExactly("1.2");
    }

    @Test
    void every_word_must_match_and_a_search_with_no_words_finds_nothing() {
        add("1.1", "Snabbare bygglov", "med e-tjänst");
        assertThat(found("bygglov tjanst")).containsExactly("1.1");
        assertThat(found("bygglov turism")).isEmpty();
        assertThat(found("– ? \"")).isEmpty();
        assertThat(plan.search("\"bygglov\" OR NEAR(x", 0, 10).total()).isEqualTo(0);
    }

    @Test
    void code_hits_rank_before_title_hits_before_description_hits() {
        add("1.1", "Om turism", "");
        add("1.2", "Annat", "turism i beskrivningen");
        add("2.1", "Turism och besöksnäring i hela kommunen, med lång titel", "turism turism");
        assertThat(found("turism")).containsExactly("1.1", "2.1", "1.2");
    }

    @Test
    void the_exact_code_comes_first_even_among_longer_codes_with_the_same_parts() {
        add("1.2.1", "Del av 1.2", "");
        add("1.2", "Huvudåtgärd", "");
        add("1.20", "Annan", "");
        assertThat(found("1.2").get(0)).isEqualTo("1.2");
    }

    @Test
    void the_index_follows_every_change_in_the_same_transaction() {
        Action action = add("1.1", "Snabbare bygglov", "");
        plan.patchAction(action.id(), new ActionDraft(null, "Företagslots", null, null, null, null, null, null, null,
                null, null), "byter titel", "test");
        assertThat(found("bygglov")).isEmpty();
        assertThat(found("foretagslots")).containsExactly("1.1");

        assertThatThrownBy(() -> database.write(connection -> {
            plan.patchAction(connection, action.id(), new ActionDraft(null, "Turism", null, null, null, null, null,
                    null, null, null, null), "", "test");
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(found("turism")).isEmpty();
        assertThat(found("foretagslots")).containsExactly("1.1");
    }

    @Test
    void a_code_with_letters_or_another_separator_finds_its_one_action() {
        add("P.12", "Med bokstav", "");
        add("A-3", "Med bindestreck", "");
        add("2.3.1", "Tre delar", "");
        add("2.3", "Två delar", "");
        assertThat(plan.actionWithCode("P.12").map(Action::title)).contains("Med bokstav");
        assertThat(plan.actionWithCode("p12").map(Action::title)).contains("Med bokstav");
        assertThat(plan.actionWithCode("a.3").map(Action::title)).contains("Med bindestreck");
        assertThat(plan.actionWithCode("2,3").map(Action::title)).contains("Två delar");
        assertThat(plan.actionWithCode("2.3.1").map(Action::title)).contains("Tre delar");
        assertThat(plan.actionWithCode("P.13")).isEmpty();
    }

    @Test
    void a_spelling_shared_by_two_codes_finds_neither_but_the_exact_code_still_wins() {
        add("A-3", "Bindestreck", "");
        add("A.3", "Punkt", "");
        assertThat(plan.actionWithCode("a3")).isEmpty();
        assertThat(plan.actionWithCode("A.3").map(Action::title)).contains("Punkt");
    }

    @Test
    void codes_sort_by_their_numbered_parts_in_lists_pages_and_search() {
        for (String code : List.of("1.10", "1.2", "1.1", "1.9", "1.2.1", "P.10", "P.2")) {
            add(code, "Åtgärd " + code, "");
        }
        List<String> expected = List.of("1.1", "1.2", "1.2.1", "1.9", "1.10", "P.2", "P.10");
        assertThat(plan.actions(ActionFilter.all()).stream().map(Action::code)).containsExactlyElementsOf(expected);
        assertThat(plan.actions(ActionFilter.all(), 0, 50).actions().stream().map(Action::code))
                .containsExactlyElementsOf(expected);
        assertThat(plan.inStrategy(1, 0, 50).actions().stream().map(Action::code)).containsExactlyElementsOf(expected);
    }

    @Test
    void the_migration_indexes_and_keys_the_actions_that_were_there_before_it() throws Exception {
        Path file = folder.resolve("old.db");
        String url = "jdbc:sqlite:" + file;
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("5").load().migrate();
        try (var connection = DriverManager.getConnection(url); var statement = connection.createStatement()) {
            statement.execute("insert into strategies (id, title) values (1, 'Service')");
            statement.execute("""
                    insert into actions (code, title, strategy_id, created_at, updated_at) values
                    ('1.10', 'Företagslotsen', 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
                    ('1.2', 'Bygglov', 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')
                    """);
        }
        try (Database old = Database.open(file)) {
            var oldPlan = new PlanService(old, Clock.systemUTC(), ZoneOffset.UTC);
            assertThat(oldPlan.search("foretagslots", 0, 10).actions()).extracting(Action::code).containsExactly("1.10");
            assertThat(oldPlan.actions(ActionFilter.all())).extracting(Action::code).containsExactly("1.2", "1.10");
        }
    }
}
