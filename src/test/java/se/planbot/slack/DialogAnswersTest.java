package se.planbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.Planbot;
import se.planbot.TestPlanbot;

/** "dialoger" answers from the dialogs feature: published dialogs not yet started, soonest first. */
class DialogAnswersTest {

    @TempDir
    Path folder;

    @Test
    void dialoger_lists_the_published_dialogs_to_come_with_time_place_and_link() {
        try (Planbot planbot = TestPlanbot.create(folder, Map.of(), Clock.fixed(TestPlanbot.NOW, ZoneOffset.UTC))) {
            planbot.loadDemo(); // publishes a breakfast dialog on Tuesday 15 December 2026, 08:00
            String answer = planbot.ask("dialoger", Optional.empty());
            assertThat(answer).contains("Kommande dialoger", "Frukostmöte om kompetensförsörjning",
                    "2026-12-15 08:00", "Stadshuset, sal 1", "http://localhost:7070/dialogs/1");

            planbot.dialogs().dialogs().cancel(1);
            assertThat(planbot.ask("dialoger", Optional.empty())).contains("Inga kommande dialoger");
        }
    }
}
