package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import se.planbot.mail.FirstName;

/** Issue 15 item 22: counts in the singular, greetings by first name, suggestions in the asker's language. */
class SwedishWordingTest {

    @Test
    void one_message_is_singular_and_two_are_plural() {
        assertThat(RemindOutput.messages(1)).isEqualTo("1 meddelande");
        assertThat(RemindOutput.messages(0)).isEqualTo("0 meddelanden");
        assertThat(RemindOutput.messages(2)).isEqualTo("2 meddelanden");
    }

    @Test
    void a_greeting_uses_the_first_name_as_written() {
        assertThat(FirstName.of("Anna Lindqvist")).isEqualTo("Anna");
        assertThat(FirstName.of("  Åsa  Öberg ")).isEqualTo("Åsa");
        assertThat(FirstName.of("Tekniska förvaltningen")).isEqualTo("Tekniska");
        assertThat(FirstName.of("Lotta")).isEqualTo("Lotta");
        assertThat(FirstName.of("")).isEmpty();
        assertThat(FirstName.of(null)).isEmpty();
    }

    @Test
    void slack_texts_that_count_take_the_singular_for_one() {
        var swedish = se.planbot.slack.Texts.of(Locale.forLanguageTag("sv-SE"));
        assertThat(swedish.count("list.upcoming", 1)).isEqualTo("Deadline inom 1 dag");
        assertThat(swedish.count("list.upcoming", 7)).isEqualTo("Deadline inom 7 dagar");
        assertThat(swedish.count("dead.intro", 1, "2026-12-01")).startsWith("1 meddelande gav upp");
        var english = se.planbot.slack.Texts.of(Locale.ENGLISH);
        assertThat(english.count("dead.intro", 1, "2026-12-01")).startsWith("1 message gave up");
    }
}
