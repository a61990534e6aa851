package se.planbot.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.Planbot;
import se.planbot.TestPlanbot;
import se.planbot.db.DatabaseException;
import se.planbot.db.Jdbc;

class HistoryTest {

    @TempDir
    Path folder;

    @Test
    void every_change_is_one_entry_with_who_when_fields_and_note_and_history_cannot_be_rewritten() {
        try (Planbot planbot = TestPlanbot.create(folder, Map.of(), Clock.fixed(TestPlanbot.NOW, ZoneOffset.UTC))) {
            planbot.loadDemo();
            var plan = planbot.plan();
            long id = plan.actionByCode("2.3").orElseThrow().id();

            plan.patchAction(id, new ActionDraft(null, "Yrkesvux industri", null, null, null, null, null,
                    LocalDate.parse("2027-01-15"), null, null, null), "Ny tidplan", "api:Anna");
            plan.recordUpdate(id, new ProgressUpdate(ActionStatus.IN_PROGRESS, 55, "Tre företag klara"), "slack:U1");
            plan.recordUpdate(id, new ProgressUpdate(null, null, "Bara en anteckning"), "slack:U1");
            plan.patchAction(id, new ActionDraft(null, "Yrkesvux industri", null, null, null, null, null, null, null,
                    null, null), null, "api:Anna");

            var history = plan.history(id);
            assertThat(history).hasSize(4);
            assertThat(history.get(1).actor()).isEqualTo("api:Anna");
            assertThat(history.get(1).at()).isEqualTo(TestPlanbot.NOW);
            assertThat(history.get(1).fields()).containsExactly(
                    new FieldChange("title", "Yrkesvux inom industri och logistik", "Yrkesvux industri"),
                    new FieldChange("deadline", "2026-12-04", "2027-01-15"));
            assertThat(history.get(2).fields()).containsExactly(new FieldChange("progress", "30", "55"));
            assertThat(history.get(2).note()).isEqualTo("Tre företag klara");
            assertThat(history.get(3).fields()).isEmpty();

            assertThatThrownBy(() -> planbot.database().write(connection ->
                    Jdbc.update(connection, "delete from action_changes where action_id = ?", id)))
                    .isInstanceOf(DatabaseException.class).hasMessageContaining("append-only");
        }
    }
}
