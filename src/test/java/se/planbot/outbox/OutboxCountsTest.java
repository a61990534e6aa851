package se.planbot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutboxCountsTest {

    @Test
    void the_waiting_counts_are_named_by_channel_in_lower_case_as_health_shows_them() {
        var counts = new OutboxCounts(3, 1, 2, Map.of(Channel.SLACK, 2L));
        assertThat(counts.waitingByName()).containsExactly(Map.entry("slack", 2L));
        assertThat(counts.asMap()).containsEntry("pending", 3L).containsEntry("sending", 1L).containsEntry("dead", 2L)
                .containsEntry("waitingForChannel", Map.of("slack", 2L));
        assertThat(Set.copyOf(counts.asMap().keySet())).containsExactlyInAnyOrder("pending", "sending", "dead",
                "waitingForChannel");
    }
}
