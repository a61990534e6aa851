package se.planbot.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.planbot.indicators.FakeKolada.page;
import static se.planbot.indicators.FakeKolada.row;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.Fixtures;
import se.planbot.Planbot;
import se.planbot.TestPlanbot;

/** The Kolada fetch against a local fake answering in API v3's shapes. */
class KoladaFetchTest {

    private static final String STARTED = "/data/kpi/N00999/municipality/1489?per_page=5000";

    @TempDir
    Path folder;

    FakeKolada kolada;
    Planbot planbot;
    IndicatorService indicators;
    Indicator started;

    @BeforeEach
    void open() throws Exception {
        kolada = new FakeKolada();
        planbot = Fixtures.planbot(folder, Clock.fixed(TestPlanbot.NOW, ZoneOffset.UTC), settings(Map.of()));
        indicators = planbot.indicators();
        started = indicators.create(new IndicatorDraft("Nystartade företag", "", "per 1 000 inv.", Direction.HIGHER,
                "", null, 2021, new BigDecimal("5.1"), 2035, new BigDecimal("6"), SourceKind.KOLADA, "N00999", null, null));
    }

    @AfterEach
    void close() {
        planbot.close();
        kolada.close();
    }

    private Map<String, String> settings(Map<String, String> more) {
        var settings = new HashMap<String, String>(Map.of("kolada.municipality", "1489", "kolada.api-url", kolada.url(),
                "kolada.timeout-seconds", "1"));
        settings.putAll(more);
        return settings;
    }

    private FetchReport fetch() {
        return fetch(Map.of());
    }

    private FetchReport fetch(Map<String, String> more) {
        var config = Fixtures.config(folder, settings(more));
        return new KoladaFetch(indicators, KoladaSettings.from(config).withRetryDelay(Duration.ofMillis(10))).run();
    }

    private List<String> years() {
        return indicators.values(started.id()).stream()
                .map(value -> value.year() + "=" + (value.missing() ? "null" : value.value().toPlainString())
                        + "/" + value.source().code())
                .toList();
    }

    @Test
    void every_page_is_read_by_following_next_url_and_only_totals_are_taken() {
        kolada.answer(STARTED, 200, page(kolada.url() + "/data/kpi/N00999/municipality/1489?page=2&per_page=5000",
                        row("N00999", "1489", 2021, "5.1"), row("N00999", "1489", 2022, "4.4")))
                .answer("/data/kpi/N00999/municipality/1489?page=2&per_page=5000", 200,
                        page(null, row("N00999", "1489", 2023, "4.2")));

        var report = fetch();

        assertThat(years()).containsExactly("2021=5.1/kolada", "2022=4.4/kolada", "2023=4.2/kolada");
        assertThat(report.added()).hasSize(3);
        assertThat(report.summary()).isEqualTo("Kolada: 3 nya, 0 ändrade, 0 oförändrade värden");
        assertThat(kolada.requests()).hasSize(2);
        assertThat(indicators.values(started.id()).get(0).fetchedAt()).isEqualTo(TestPlanbot.NOW);
    }

    @Test
    void the_v2_name_next_page_is_followed_too() {
        kolada.answer(STARTED, 200, "{\"values\":[" + row("N00999", "1489", 2021, "5.1")
                        + "],\"next_page\":\"/v3/data/kpi/N00999/municipality/1489?page=2\"}")
                .answer("/data/kpi/N00999/municipality/1489?page=2", 200, page(null, row("N00999", "1489", 2022, "4.4")));

        fetch();

        assertThat(years()).containsExactly("2021=5.1/kolada", "2022=4.4/kolada");
    }

    @Test
    void a_null_value_stays_missing_never_zero() {
        kolada.answer(STARTED, 200, page(null, row("N00999", "1489", 2022, "4.4"), row("N00999", "1489", 2023, null)));

        var report = fetch();

        assertThat(years()).containsExactly("2022=4.4/kolada", "2023=null/kolada");
        assertThat(report.lines()).contains("  ny: Nystartade företag 2023: – (saknas i Kolada)");
        assertThat(indicators.latest(started.id()).orElseThrow().year()).isEqualTo(2022);
    }

    @Test
    void a_server_error_is_tried_again_and_the_second_answer_counts() {
        kolada.answer(STARTED, 503, "{\"error\":\"Service Unavailable\"}")
                .answer(STARTED, 200, page(null, row("N00999", "1489", 2023, "4.2")));

        fetch();

        assertThat(years()).containsExactly("2023=4.2/kolada");
        assertThat(kolada.requests()).containsExactly("/v3" + STARTED, "/v3" + STARTED);
    }

    @Test
    void an_answer_slower_than_the_timeout_is_tried_again() {
        kolada.answer(STARTED, new FakeKolada.Answer(200, page(null, row("N00999", "1489", 2020, "9.9")), 2_500))
                .answer(STARTED, 200, page(null, row("N00999", "1489", 2023, "4.2")));

        fetch();

        assertThat(years()).containsExactly("2023=4.2/kolada");
    }

    @Test
    void when_every_attempt_fails_the_error_is_swedish_and_nothing_changes() {
        indicators.putValue(started.id(), 2020, new BigDecimal("4.6"), "", "test");
        kolada.answer(STARTED, 502, "Bad Gateway");

        assertThatThrownBy(this::fetch).isInstanceOf(KoladaUnavailable.class)
                .hasMessageContaining("Kolada svarade 502 (3 försök)").hasMessageContaining("inget ändrades");
        assertThat(years()).containsExactly("2020=4.6/manual");
        assertThat(kolada.requests()).hasSize(3);
    }

    @Test
    void a_malformed_body_is_a_clear_swedish_error_and_nothing_changes_not_even_earlier_pages() {
        kolada.answer(STARTED, 200, page(kolada.url() + "/data/kpi/N00999/municipality/1489?page=2",
                        row("N00999", "1489", 2021, "5.1")))
                .answer("/data/kpi/N00999/municipality/1489?page=2", 200, "<html><body>Underhåll pågår</body></html>");

        assertThatThrownBy(this::fetch).isInstanceOf(KoladaUnavailable.class)
                .hasMessageStartingWith("Kolada svarade med något som inte går att läsa")
                .hasMessageContaining("svaret är inte JSON").hasMessageEndingWith("inget ändrades");
        assertThat(years()).isEmpty();
    }

    @Test
    void a_row_without_the_v3_fields_is_malformed() {
        kolada.answer(STARTED, 200, "{\"values\":[{\"kpi\":\"N00999\",\"values\":[]}]}");

        assertThatThrownBy(this::fetch).isInstanceOf(KoladaUnavailable.class)
                .hasMessageContaining("en rad saknar kpi, municipality, period eller values");
        assertThat(years()).isEmpty();
    }

    @Test
    void a_value_that_is_no_number_is_malformed() {
        kolada.answer(STARTED, 200, "{\"values\":[{\"kpi\":\"N00999\",\"municipality\":\"1489\",\"period\":2023,"
                + "\"values\":[{\"gender\":\"T\",\"status\":\"\",\"value\":\"4,2\"}]}]}");

        assertThatThrownBy(this::fetch).isInstanceOf(KoladaUnavailable.class)
                .hasMessageContaining("värdet för N00999 2023 är inget tal: \"4,2\"");
        assertThat(years()).isEmpty();
    }

    @Test
    void a_value_entered_by_hand_is_kept_and_the_difference_reported() {
        indicators.putValue(started.id(), 2023, new BigDecimal("4.0"), "Egen beräkning", "api:Anna");
        kolada.answer(STARTED, 200, page(null, row("N00999", "1489", 2022, "4.4"), row("N00999", "1489", 2023, "4.2")));

        var report = fetch();

        assertThat(years()).containsExactly("2022=4.4/kolada", "2023=4/manual");
        assertThat(report.kept()).singleElement().satisfies(entry -> {
            assertThat(entry.year()).isEqualTo(2023);
            assertThat(entry.koladaValue()).isEqualByComparingTo("4.2");
            assertThat(entry.other()).isEqualByComparingTo("4.0");
        });
        assertThat(report.lines()).contains("  behölls: Nystartade företag 2023: inmatat 4, Kolada 4,2");
        assertThat(indicators.differences()).singleElement().satisfies(difference ->
                assertThat(difference.koladaValue()).isEqualByComparingTo("4.2"));
    }

    @Test
    void a_second_fetch_reports_only_what_changed() {
        kolada.answer(STARTED, 200, page(null, row("N00999", "1489", 2022, "4.4")))
                .answer(STARTED, 200, page(null, row("N00999", "1489", 2022, "4.5"), row("N00999", "1489", 2023, "4.2")));
        fetch();

        var second = fetch();

        assertThat(second.summary()).isEqualTo("Kolada: 1 nya, 1 ändrade, 0 oförändrade värden");
        assertThat(second.lines()).contains("  ändrad: Nystartade företag 2022: 4,4 → 4,5");
        var third = fetch();
        assertThat(third.summary()).isEqualTo("Kolada: 0 nya, 0 ändrade, 2 oförändrade värden");
    }

    @Test
    void several_kpis_go_in_one_request_and_an_indicator_may_name_its_own_municipality() {
        var employed = indicators.create(new IndicatorDraft("Förvärvsarbetande", "", "%", Direction.HIGHER, "", null,
                null, null, null, null, SourceKind.KOLADA, "N00914", null, null));
        var country = indicators.create(new IndicatorDraft("Förvärvsarbetande, riket", "", "%", Direction.HIGHER, "",
                null, null, null, null, null, SourceKind.KOLADA, "N00914", "0000", null));
        kolada.answer("/data/kpi/N00999,N00914/municipality/1489?per_page=5000", 200,
                        page(null, row("N00999", "1489", 2023, "4.2"), row("N00914", "1489", 2023, "81.9")))
                .answer("/data/kpi/N00914/municipality/0000?per_page=5000", 200, page(null, row("N00914", "0000", 2023, "79.6")));

        fetch();

        assertThat(indicators.values(employed.id())).singleElement().satisfies(value ->
                assertThat(value.value()).isEqualByComparingTo("81.9"));
        assertThat(indicators.values(country.id())).singleElement().satisfies(value ->
                assertThat(value.value()).isEqualByComparingTo("79.6"));
        assertThat(kolada.requests()).hasSize(2);
    }

    @Test
    void a_next_page_on_another_server_is_refused() {
        kolada.answer(STARTED, 200, page("http://evil.example/v3/data?page=2", row("N00999", "1489", 2021, "5.1")));

        assertThatThrownBy(this::fetch).isInstanceOf(KoladaUnavailable.class)
                .hasMessageContaining("nästa sida pekar på en annan server (evil.example)");
        assertThat(years()).isEmpty();
    }

    @Test
    void without_a_municipality_fetching_is_off_and_kolada_is_not_asked() {
        var report = fetch(Map.of("kolada.municipality", ""));

        assertThat(report.enabled()).isFalse();
        assertThat(report.summary()).startsWith("Kolada är avstängt: sätt kolada.municipality");
        assertThat(kolada.requests()).isEmpty();
    }
}
