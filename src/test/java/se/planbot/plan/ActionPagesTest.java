package se.planbot.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.db.Database;

/** Paged lists and ranked search, as the Slack answers read them (today is 2026-12-01). */
class ActionPagesTest {

    @TempDir
    Path folder;
    Database database;
    PlanService plan;

    @BeforeEach
    void plan() {
        database = se.planbot.TestDatabase.open(folder.resolve("p.db"));
        plan = new PlanService(database, Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC),
                ZoneId.of("Europe/Stockholm"));
        String csv = "Kod;Åtgärd;Beskrivning;Strategi;Ansvarig;E-post;Förvaltning;Start;Klart senast;Status;Framsteg;Ursprung\n"
                + "1.1;Kurs för företagare;En åtgärd i beskrivningen.;1 Service;Anna;anna@example.se;KLK;2026-01-01;2026-11-01;Pågår;10;plan\n"
                + "1.2;Åtgärdsplan för handeln;Handel.;1 Service;Anna;anna@example.se;KLK;2026-01-01;2026-11-20;Planerad;0;plan\n"
                + "1.3;Åtgärd mot tomma lokaler;Lokaler.;1 Service;Bo;bo@example.se;KLK;2026-01-01;2026-12-05;Pågår;50;plan\n"
                + "1.4;Klar sedan länge;Åtgärd.;1 Service;Bo;bo@example.se;KLK;2026-01-01;2026-10-01;Klar;100;plan\n"
                + "2.1;Åtgärd;Exakt titel.;2 Plats;Bo;bo@example.se;KFV;2026-01-01;2027-06-01;Planerad;0;plan\n";
        new PlanTransfer(plan).importCsv(csv.getBytes(StandardCharsets.UTF_8), "test");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static java.util.List<String> codes(ActionPage page) {
        return page.actions().stream().map(Action::code).toList();
    }

    @Test
    void search_ranks_whole_title_words_before_word_starts_before_description_hits_shorter_texts_first() {
        var page = plan.search("atgard", 0, 10);
        assertThat(page.total()).isEqualTo(5);
        assertThat(codes(page)).containsExactly("2.1", "1.3", "1.2", "1.4", "1.1");
    }

    @Test
    void a_search_of_thousands_of_words_answers_instead_of_failing() {
        String pasted = "åtgärd tomma lokaler ".repeat(700) + String.join(" ",
                java.util.stream.IntStream.range(0, 600).mapToObj(i -> "ord" + i).toList());
        var page = plan.search("åtgärd tomma lokaler ".repeat(700), 0, 10);
        assertThat(codes(page)).containsExactly("1.3");
        assertThat(plan.search(pasted, 0, 10).actions()).isEmpty();
        assertThat(plan.actions(new ActionFilter(null, null, null, false, pasted))).isEmpty();
    }

    @Test
    void an_exact_code_comes_first() {
        assertThat(codes(plan.search("1.2", 0, 10))).startsWith("1.2");
    }

    @Test
    void pages_cut_the_list_and_count_all_of_it() {
        var second = plan.search("atgard", 2, 2);
        assertThat(second.total()).isEqualTo(5);
        assertThat(codes(second)).containsExactly("1.2", "1.4");
    }

    @Test
    void overdue_is_open_and_past_its_deadline_longest_overdue_first() {
        assertThat(codes(plan.overdue(0, 10))).containsExactly("1.1", "1.2");
    }

    @Test
    void due_between_includes_both_days_and_only_open_actions() {
        assertThat(codes(plan.dueBetween(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-05"), 0, 10)))
                .containsExactly("1.3");
        assertThat(plan.dueBetween(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-10-31"), 0, 10).total()).isZero();
    }

    @Test
    void a_persons_actions_and_a_strategys_actions_are_paged_too() {
        long bo = plan.personByEmail("bo@example.se").orElseThrow().id();
        assertThat(codes(plan.actionsOf(bo, 0, 10))).containsExactly("1.4", "1.3", "2.1");
        assertThat(codes(plan.inStrategy(1, 0, 2))).containsExactly("1.1", "1.2");
        assertThat(plan.inStrategy(1, 0, 2).total()).isEqualTo(4);
    }
}
