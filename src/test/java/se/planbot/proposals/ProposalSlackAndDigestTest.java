package se.planbot.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.MutableClock;
import se.planbot.Planbot;
import se.planbot.TestPlanbot;
import se.planbot.db.Jdbc;

/** {@code /plan förslag} lists what waits for a decision; the weekly digest counts new and long-waiting proposals. */
class ProposalSlackAndDigestTest {

    @TempDir
    Path folder;
    MutableClock clock = new MutableClock(TestPlanbot.NOW);
    Planbot planbot;

    @BeforeEach
    void start() {
        planbot = TestPlanbot.create(folder, Map.of("proposals.review-days", "2"), clock);
        planbot.loadDemo();
    }

    @AfterEach
    void stop() {
        planbot.close();
    }

    private Proposal register(String title) {
        return planbot.proposals().register(new ProposalDraft(title, "", 2, ProposalOrigin.MEETING, null, "", "", null,
                false, false, Locale.forLanguageTag("sv"), "test"), "test");
    }

    @Test
    void the_slack_command_lists_proposals_under_review_in_swedish_and_english_words() {
        Proposal waiting = register("Gemensam lunchbuss");
        planbot.proposals().patch(waiting.id(), new ProposalPatch(null, null, null, false, ProposalState.UNDER_REVIEW,
                null), "test");

        String answer = planbot.ask("förslag", Optional.empty());
        assertThat(answer).contains("Förslag som väntar på beslut").contains("#" + waiting.id() + " ”Gemensam lunchbuss” – Under beredning")
                .contains("/proposals/" + waiting.id())
                .doesNotContain("cykelparkeringar"); // the demo's rejected one is decided
        assertThat(planbot.ask("proposals", Optional.empty())).contains("Gemensam lunchbuss");
        assertThat(planbot.ask("hjälp", Optional.empty())).contains("förslag – förslag som väntar på beslut");
    }

    @Test
    void the_weekly_digest_counts_new_proposals_and_those_waiting_longer_than_the_review_days() throws Exception {
        register("Gammal idé"); // Friday 27 November, still undecided on Monday: more than two days
        clock.set(Instant.parse("2026-11-29T10:00:00Z"));
        register("Ny idé");
        clock.set(Instant.parse("2026-11-30T07:05:00Z")); // Monday 08:05 in Stockholm: the digest is due

        planbot.remind(false);

        String payload = planbot.database().read(connection -> Jdbc.one(connection,
                "select payload from outbox where template = 'digest' and channel = 'email' order by id desc",
                rows -> rows.getString(1))).orElseThrow();
        JsonNode proposals = new ObjectMapper().readTree(payload).get("proposals").get(0);
        assertThat(proposals.get("waiting").asInt()).isEqualTo(1);
        assertThat(proposals.get("new").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(proposals.get("oldest").get(0).get("title").asText()).isEqualTo("Gammal idé");
        List<String> sent = planbot.database().read(connection -> Jdbc.list(connection,
                "select status from outbox where template = 'digest'", rows -> rows.getString(1)));
        assertThat(sent).contains("sent");
    }
}
