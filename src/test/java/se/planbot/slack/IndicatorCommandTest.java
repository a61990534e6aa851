package se.planbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.planbot.indicators.Direction;
import se.planbot.indicators.IndicatorDraft;
import se.planbot.indicators.SourceKind;

/** {@code /plan indikatorer} and {@code /plan indikator 3}, as signed slash commands. */
class IndicatorCommandTest extends SlackTestSupport {

    long started;
    long newJobs;

    @BeforeEach
    void indicators() {
        var indicators = planbot.indicators();
        started = indicators.create(new IndicatorDraft("Nystartade företag", "Per 1 000 invånare 16–64 år.",
                "per 1 000 inv.", Direction.HIGHER, "", null, 2021, new BigDecimal("5.1"), 2035, new BigDecimal("6"),
                SourceKind.KOLADA, "N00999", null, null)).id();
        indicators.putValue(started, 2022, new BigDecimal("4.4"), "", "test");
        indicators.putValue(started, 2023, new BigDecimal("4.2"), "Ny definition", "test");
        long jobs = indicators.create(new IndicatorDraft("Arbetstillfällen", "", "personer", Direction.HIGHER, "", null,
                null, null, null, null, SourceKind.MANUAL, null, null, null)).id();
        indicators.putValue(jobs, 2021, new BigDecimal("16480"), "", "test");
        indicators.putValue(jobs, 2024, new BigDecimal("17530"), "", "test");
        newJobs = indicators.create(new IndicatorDraft("Nya jobb sedan 2021", "", "jobb", Direction.HIGHER, "", null,
                2021, BigDecimal.ZERO, 2035, new BigDecimal("3700"), SourceKind.DERIVED, null, null, jobs)).id();
    }

    private JsonNode ask(String text) throws Exception {
        var response = command(text, "U0ANNA");
        assertThat(response.statusCode()).isEqualTo(200);
        var answer = json(response.body());
        SlashCommandTest.assertWithinBlockKitLimits(answer);
        return answer;
    }

    @Test
    void indikatorer_gives_each_indicator_on_one_line_with_latest_value_target_and_trend() throws Exception {
        String original = texts(ask("indikatorer"));
        String answer = original.replace('\u00A0', ' ');

        assertThat(answer).contains("Indikatorer",
                started + ". Nystartade företag: 4,2 per 1 000 inv. (2023) · mål 6 per 1 000 inv. (2035) · ↓ minskade med 0,2 från 2022 till 2023 (sämre)",
                newJobs + ". Nya jobb sedan 2021: 1 050 jobb (2024) · mål 3 700 jobb (2035) · ↑ ökade med 1 050 från 2021 till 2024 (bättre)",
                "/indicators|");
        assertThat(texts(ask("indicators"))).as("a replayed signed body is refused, so the English word is asked once")
                .isEqualTo(original);
    }

    @Test
    void indikator_with_a_number_or_a_name_gives_the_detail() throws Exception {
        String original = texts(ask("indikator " + started));
        String answer = original.replace('\u00A0', ' ');

        assertThat(answer).contains(started + ". Nystartade företag", "Senaste värde: 4,2 per 1 000 inv. (2023)",
                "Utgångsläge: 5,1 per 1 000 inv. (2021)", "Mål: 6 per 1 000 inv. (2035)", "Källa: Kolada (N00999)",
                "Värden: 2022: 4,4 · 2023: 4,2", "Anteckning 2023: Ny definition", "/indicators/" + started + "|");
        assertThat(texts(ask("indikator nystartade"))).isEqualTo(original);
    }

    @Test
    void an_unknown_indicator_says_how_to_list_them() throws Exception {
        assertThat(texts(ask("indikator 99"))).contains("Jag hittar ingen indikator ”99”", "`/plan indikatorer`");
    }

    @Test
    void help_lists_the_indicator_commands_and_ask_answers_the_same_in_plain_text() throws Exception {
        assertThat(texts(ask("hjälp"))).contains("`/plan indikatorer`", "`/plan indikator 3`");
        assertThat(planbot.ask("indikatorer", Optional.empty()).replace('\u00A0', ' '))
                .contains("• " + started + ". Nystartade företag: 4,2 per 1 000 inv. (2023)");
        assertThat(texts(ask("hur går det med indikatorerna?"))).contains("Nystartade företag: 4,2");
    }
}
