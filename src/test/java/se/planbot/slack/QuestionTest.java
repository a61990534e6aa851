package se.planbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.planbot.slack.Question.Kind;

class QuestionTest {

    @Test
    void command_words_are_understood_in_swedish_and_english() {
        assertThat(Question.parse("").kind()).isEqualTo(Kind.HELP);
        assertThat(Question.parse("Hjälp").kind()).isEqualTo(Kind.HELP);
        assertThat(Question.parse("mina").kind()).isEqualTo(Kind.MINE);
        assertThat(Question.parse("mine").kind()).isEqualTo(Kind.MINE);
        assertThat(Question.parse("Försenade").kind()).isEqualTo(Kind.OVERDUE);
        assertThat(Question.parse("overdue").kind()).isEqualTo(Kind.OVERDUE);
        assertThat(Question.parse("kommande 14")).isEqualTo(new Question(Kind.UPCOMING, "14", 1));
        assertThat(Question.parse("upcoming")).isEqualTo(new Question(Kind.UPCOMING, "", 1));
        assertThat(Question.parse("strategi 2")).isEqualTo(new Question(Kind.STRATEGY, "2", 1));
        assertThat(Question.parse("strategy 2")).isEqualTo(new Question(Kind.STRATEGY, "2", 1));
        assertThat(Question.parse("dialoger").kind()).isEqualTo(Kind.DIALOGS);
        assertThat(Question.parse("dialogs").kind()).isEqualTo(Kind.DIALOGS);
    }

    @Test
    void an_id_or_a_code_asks_for_one_action() {
        assertThat(Question.parse("12")).isEqualTo(new Question(Kind.DETAIL, "12", 1));
        assertThat(Question.parse("2.3")).isEqualTo(new Question(Kind.DETAIL, "2.3", 1));
        assertThat(Question.parse("status 12")).isEqualTo(new Question(Kind.DETAIL, "12", 1));
    }

    @Test
    void a_mention_sentence_finds_the_action_it_is_about() {
        assertThat(Question.parse("<@U0BOT> hur går det med åtgärd 12?")).isEqualTo(new Question(Kind.DETAIL, "12", 1));
        assertThat(Question.parse("<@U0BOT> how is action 2.3 going?")).isEqualTo(new Question(Kind.DETAIL, "2.3", 1));
        assertThat(Question.parse("<@U0BOT> vad händer med 4.1?")).isEqualTo(new Question(Kind.DETAIL, "4.1", 1));
        assertThat(Question.parse("<@U0BOT> vilka är försenade?").kind()).isEqualTo(Kind.OVERDUE);
        assertThat(Question.parse("<@U0BOT> finns det några dialoger?").kind()).isEqualTo(Kind.DIALOGS);
    }

    @Test
    void other_words_are_a_search_without_question_filler() {
        assertThat(Question.parse("turism centrum")).isEqualTo(new Question(Kind.SEARCH, "turism centrum", 1));
        assertThat(Question.parse("<@U0BOT> hur går det med turismen?"))
                .isEqualTo(new Question(Kind.SEARCH, "turismen", 1));
        assertThat(Question.parse("dialog med företag").kind()).isEqualTo(Kind.SEARCH);
    }

    @Test
    void sida_or_page_at_the_end_picks_a_page() {
        assertThat(Question.parse("försenade sida 3")).isEqualTo(new Question(Kind.OVERDUE, "", 3));
        assertThat(Question.parse("strategy 2 page 2")).isEqualTo(new Question(Kind.STRATEGY, "2", 2));
    }

    @Test
    void the_closest_command_is_suggested_only_for_a_near_miss() {
        assertThat(Question.closestCommand("forsnade")).contains("försenade");
        assertThat(Question.closestCommand("mian")).contains("mina");
        assertThat(Question.closestCommand("strateg")).contains("strategi");
        assertThat(Question.closestCommand("xyzzyqwerty")).isEmpty();
        // Swedish input gets a Swedish suggestion, even for a typo nearest an English word (issue 15 item 22)
        assertThat(Question.closestCommand("helpp")).contains("hjälp");
        assertThat(Question.closestCommand("overdu")).contains("försenade");
        assertThat(Question.closestCommand("helpp", java.util.Locale.ENGLISH)).contains("help");
        assertThat(Question.closestCommand("forsnade", java.util.Locale.ENGLISH)).contains("overdue");
    }
}
