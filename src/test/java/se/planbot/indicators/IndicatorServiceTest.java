package se.planbot.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.Fixtures;
import se.planbot.Planbot;
import se.planbot.TestPlanbot;
import se.planbot.problem.InvalidInput;

class IndicatorServiceTest {

    @TempDir
    Path folder;

    Planbot planbot;
    IndicatorService indicators;

    @BeforeEach
    void open() {
        planbot = Fixtures.planbot(folder, Clock.fixed(TestPlanbot.NOW, ZoneOffset.UTC), Map.of());
        indicators = planbot.indicators();
    }

    @AfterEach
    void close() {
        planbot.close();
    }

    static IndicatorDraft jobs() {
        return new IndicatorDraft("Arbetstillfällen i kommunen", "Dagbefolkning 16+ år", "personer", Direction.HIGHER,
                "Kompetensförsörjning och attraktionskraft", 1, 2021, new BigDecimal("18500"), null, null,
                SourceKind.MANUAL, null, null, null);
    }

    @Test
    void an_indicator_is_stored_with_its_baseline_target_and_source() {
        var created = indicators.create(new IndicatorDraft("Nystartade företag", "per 1000 invånare 16–64 år",
                "per 1000 inv", Direction.HIGHER, "Företagsklimat och innovationskraft", null, 2021,
                new BigDecimal("4.10"), 2035, new BigDecimal("5.5"), SourceKind.KOLADA, "N00999", "1489", null));

        var found = indicators.find(created.id()).orElseThrow();
        assertThat(found.name()).isEqualTo("Nystartade företag");
        assertThat(found.baselineValue()).isEqualByComparingTo("4.1");
        assertThat(found.targetYear()).isEqualTo(2035);
        assertThat(found.fromKolada()).isTrue();
        assertThat(found.koladaKpi()).isEqualTo("N00999");
        assertThat(indicators.list()).extracting(Indicator::id).containsExactly(created.id());
    }

    @Test
    void values_are_kept_per_year_with_source_note_and_a_missing_year_stays_missing() {
        var jobs = indicators.create(jobs());
        indicators.putValue(jobs.id(), 2022, new BigDecimal("18800"), "", "test");
        indicators.putValue(jobs.id(), 2021, new BigDecimal("18500"), "RAMS", "test");
        indicators.putValue(jobs.id(), 2023, null, "ej publicerat", "test");

        assertThat(indicators.values(jobs.id())).extracting(IndicatorValue::year).containsExactly(2021, 2022, 2023);
        var first = indicators.values(jobs.id()).get(0);
        assertThat(first.value()).isEqualByComparingTo("18500");
        assertThat(first.source()).isEqualTo(ValueSource.MANUAL);
        assertThat(first.note()).isEqualTo("RAMS");
        assertThat(first.fetchedAt()).isEqualTo(TestPlanbot.NOW);
        assertThat(indicators.values(jobs.id()).get(2).missing()).isTrue();
        assertThat(indicators.latest(jobs.id()).orElseThrow().year()).isEqualTo(2022);
    }

    @Test
    void new_jobs_since_baseline_is_derived_from_the_jobs_indicator() {
        var jobs = indicators.create(jobs());
        indicators.putValue(jobs.id(), 2020, new BigDecimal("18400"), "", "test");
        indicators.putValue(jobs.id(), 2021, new BigDecimal("18500"), "", "test");
        indicators.putValue(jobs.id(), 2023, new BigDecimal("19450"), "BAS, nytt underlag", "test");
        var newJobs = indicators.create(new IndicatorDraft("Nya jobb sedan 2021", "", "jobb", Direction.HIGHER,
                "3 700 fler jobb till 2035", null, 2021, BigDecimal.ZERO, 2035, new BigDecimal("3700"),
                SourceKind.DERIVED, null, null, jobs.id()));

        assertThat(indicators.values(newJobs.id())).extracting(IndicatorValue::year, v -> v.value().intValue())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2021, 0), org.assertj.core.groups.Tuple.tuple(2023, 950));
        assertThat(indicators.values(newJobs.id()).get(1).note()).isEqualTo("BAS, nytt underlag");
        assertThatThrownBy(() -> indicators.putValue(newJobs.id(), 2024, BigDecimal.ONE, "", "test"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("räknas fram");
    }

    @Test
    void a_target_year_before_the_baseline_year_is_refused_and_nothing_is_stored() {
        var draft = new IndicatorDraft("Konkurser", "", "", Direction.LOWER, "", null, 2021, BigDecimal.ONE, 2019,
                BigDecimal.ONE, SourceKind.MANUAL, null, null, null);

        assertThatThrownBy(() -> indicators.create(draft)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("målåret 2019 ligger före basåret 2021");
        assertThat(indicators.list()).isEmpty();
    }

    @Test
    void a_patch_changes_given_fields_and_empties_cleared_ones() {
        var jobs = indicators.create(jobs());
        var patched = indicators.patch(jobs.id(), new IndicatorDraft(null, null, null, null, null, null, null, null,
                2035, new BigDecimal("22200"), null, null, null, null), Set.of("strategy"));

        assertThat(patched.targetValue()).isEqualByComparingTo("22200");
        assertThat(patched.strategyId()).isNull();
        assertThat(patched.name()).isEqualTo("Arbetstillfällen i kommunen");
    }
}
