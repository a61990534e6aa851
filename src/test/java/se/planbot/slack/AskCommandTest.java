package se.planbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.Main;
import se.planbot.Planbot;
import se.planbot.config.Config;
import se.planbot.plan.PersonDraft;
import se.planbot.plan.PersonRole;

/** {@code planbot ask}: the Slack engine on the command line, in plain text. */
class AskCommandTest {

    @TempDir
    Path folder;
    Path configFile;

    Path database;

    @BeforeEach
    void plan() throws Exception {
        database = folder.resolve("plan.db");
        configFile = folder.resolve("planbot.properties");
        Files.writeString(configFile, se.planbot.TestDatabase.configLines(database), StandardCharsets.UTF_8);
        try (var planbot = new Planbot(Config.of(se.planbot.TestDatabase.settings(database)), Clock.systemUTC())) {
            planbot.plan().createPerson(new PersonDraft("Anna Andersson", "anna@example.se", "U0ANNA", PersonRole.OWNER));
            String csv = "Kod;Åtgärd;Beskrivning;Strategi;Ansvarig;E-post;Förvaltning;Start;Klart senast;Status;Framsteg;Ursprung\n"
                    + "1.1;Företagslotsen;Samordna kontakter.;1 Service och bemötande;Anna Andersson;anna@example.se;KLK;2020-01-01;2020-06-30;Pågår;40;plan\n"
                    + "2.1;Turism i centrum;Fler besökare.;2 Attraktiv plats;Anna Andersson;anna@example.se;KFV;2020-01-01;2099-03-01;Planerad;0;plan\n";
            planbot.transfer().importCsv(csv.getBytes(StandardCharsets.UTF_8), "test");
        }
    }

    private void importRows(String rows) {
        try (var planbot = new Planbot(Config.of(se.planbot.TestDatabase.settings(database)), Clock.systemUTC())) {
            String csv = "Kod;Åtgärd;Strategi;Ansvarig;E-post;Klart senast;Status\n" + rows;
            planbot.transfer().importCsv(csv.getBytes(StandardCharsets.UTF_8), "test");
        }
    }

    private String[] run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = configFile.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void ask_answers_a_code_in_plain_text_as_slack_would() {
        var result = run("ask", "1.1");
        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1]).contains("1.1 Företagslotsen", "Status: Pågår", "Framsteg: 40 %",
                "Ansvarig: Anna Andersson", "Deadline: 2020-06-30 (försenad").doesNotContain("*", "`");
    }

    @Test
    void ask_mina_uses_the_slack_user_given_with_as() {
        assertThat(run("ask", "mina", "--as", "U0ANNA")[1]).contains("Dina åtgärder", "1.1 Företagslotsen", "2.1 Turism");
        assertThat(run("ask", "mina")[1]).contains("Vem frågar? Ange ett Slack-användar-id");
    }

    @Test
    void ask_without_words_prints_the_help_and_unknown_words_get_the_closest_command() {
        assertThat(run("ask")[1]).contains("Planbot svarar på frågor om åtgärdsplanen", "/plan försenade");
        assertThat(run("ask", "forsnade")[1]).contains("Jag förstod inte ”forsnade”", "Menade du /plan försenade?");
    }

    @Test
    void a_page_past_the_end_names_the_last_page_without_a_plural_slip() {
        assertThat(run("ask", "strategi 1 sida 9")[1]).contains("Sidan 9 finns inte; sista sidan är 1.")
                .doesNotContain("1 sidor");
    }

    @Test
    void ask_with_a_malformed_slack_id_is_one_clear_line_and_exit_2() {
        var result = run("ask", "mina", "--as", "anna");
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains("'anna' är inget Slack-användar-id");
    }

    @Test
    void a_code_with_letters_or_a_comma_for_the_dot_answers_with_its_action() {
        importRows("P.12;Praktikplatser;1;Anna Andersson;anna@example.se;2099-01-01;Planerad\n");
        assertThat(run("ask", "P.12")[1]).contains("P.12 Praktikplatser", "Status: Planerad");
        assertThat(run("ask", "p12")[1]).contains("P.12 Praktikplatser", "Status: Planerad");
        assertThat(run("ask", "2,1")[1]).contains("2.1 Turism i centrum", "Status: Planerad");
    }

    @Test
    void lists_sort_codes_by_their_numbered_parts() {
        importRows("1.10;Tionde;1;Anna Andersson;anna@example.se;2099-01-01;Planerad\n"
                + "1.2;Andra;1;Anna Andersson;anna@example.se;2099-01-01;Planerad\n");
        String answer = run("ask", "strategi 1")[1];
        assertThat(answer).contains("1.1 Företagslotsen", "1.2 Andra", "1.10 Tionde");
        assertThat(answer.indexOf("1.2 Andra")).isLessThan(answer.indexOf("1.10 Tionde"));
        assertThat(answer.indexOf("1.1 Företagslotsen")).isLessThan(answer.indexOf("1.2 Andra"));
    }

    @Test
    void a_natural_swedish_question_is_searched_without_its_question_words() {
        assertThat(run("ask", "Vad händer med företagslotsen?")[1]).contains("1.1 Företagslotsen")
                .doesNotContain("Jag förstod inte");
        assertThat(run("ask", "Hur ligger vi till med turism?")[1]).contains("2.1 Turism i centrum");
    }

    @Test
    void an_owners_name_lists_the_owners_actions() {
        importRows("3.1;Detaljplan;3 Mark;Lars Holm;lars@example.se;2099-01-01;Planerad\n");
        for (String question : new String[] {"Lars Holm", "Lars Holms åtgärder", "lars holms"}) {
            assertThat(run("ask", question)[1]).as(question).contains("Åtgärder med Lars Holm som ansvarig",
                    "3.1 Detaljplan").doesNotContain("1.1 Företagslotsen");
        }
    }

    @Test
    void a_one_letter_typo_in_a_search_word_asks_menade_du_and_shows_the_matches() {
        importRows("3.1;Snabbare bygglov;3 Mark;Lars Holm;lars@example.se;2099-01-01;Planerad\n"
                + "3.2;Fler praktikplatser;3 Mark;Lars Holm;lars@example.se;2099-01-01;Planerad\n");
        assertThat(run("ask", "bygglv")[1]).contains("Menade du ”bygglov”?", "3.1 Snabbare bygglov");
        assertThat(run("ask", "praktikplatsr")[1]).contains("Menade du ”praktikplatser”?", "3.2 Fler praktikplatser");
        assertThat(run("ask", "snabbare bygglv")[1]).contains("Menade du ”snabbare bygglov”?", "3.1 Snabbare bygglov");
        assertThat(run("ask", "xqzzyv")[1]).contains("Jag förstod inte").doesNotContain("Menade du ”");
    }
}
