package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;
import static se.planbot.indicators.FakeKolada.page;
import static se.planbot.indicators.FakeKolada.row;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.indicators.Direction;
import se.planbot.indicators.FakeKolada;
import se.planbot.indicators.IndicatorDraft;
import se.planbot.indicators.SourceKind;

/** {@code planbot indicators fetch} against a fake Kolada, and what the coordinator's digest then says. */
class IndicatorsCommandTest {

    private static final String STARTED = "/data/kpi/N00999/municipality/1489?per_page=5000";

    @TempDir
    Path folder;
    FakeKolada kolada;

    @BeforeEach
    void start() throws Exception {
        kolada = new FakeKolada();
    }

    @AfterEach
    void stop() {
        kolada.close();
    }

    private Map<String, String> settings(String municipality) {
        return Map.of("kolada.municipality", municipality, "kolada.api-url", kolada.url(), "kolada.timeout-seconds", "2",
                "kolada.attempts", "1");
    }

    private String config(String municipality) throws Exception {
        var text = new StringBuilder(TestDatabase.configLines(folder.resolve("planbot.db")) + "http.port=0\n");
        settings(municipality).forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Path file = folder.resolve("planbot.properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file.toString();
    }

    private long newStartedCompanies(Clock clock) {
        try (Planbot planbot = TestPlanbot.create(folder, settings("1489"), clock)) {
            return planbot.indicators().create(new IndicatorDraft("Nystartade företag", "", "per 1 000 inv.",
                    Direction.HIGHER, "", null, null, null, null, null, SourceKind.KOLADA, "N00999", null, null)).id();
        }
    }

    @Test
    void fetch_prints_what_was_new_and_what_was_kept() throws Exception {
        long id = newStartedCompanies(Clock.systemUTC());
        try (Planbot planbot = TestPlanbot.create(folder, settings("1489"), Clock.systemUTC())) {
            planbot.indicators().putValue(id, 2023, new BigDecimal("4.0"), "", "api:Anna");
        }
        kolada.answer(STARTED, 200, page(null, row("N00999", "1489", 2022, "4.4"), row("N00999", "1489", 2023, "4.2")));

        var run = CommandRun.of("indicators", "fetch", "--config", config("1489"));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Kolada: 1 nya, 0 ändrade, 0 oförändrade värden; 1 skiljer sig från inmatade värden, som behölls",
                "  ny: Nystartade företag 2022: 4,4", "  behölls: Nystartade företag 2023: inmatat 4, Kolada 4,2");
    }

    @Test
    void a_malformed_answer_is_one_swedish_line_and_exit_one() throws Exception {
        newStartedCompanies(Clock.systemUTC());
        kolada.answer(STARTED, 200, "{\"values\":\"inga\"}");

        var run = CommandRun.of("indicators", "fetch", "--config", config("1489"));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("planbot: Kolada svarade med något som inte går att läsa").endsWith("inget ändrades");
    }

    @Test
    void without_a_municipality_fetch_says_it_is_off_and_exits_two() throws Exception {
        var run = CommandRun.of("indicators", "fetch", "--config", config(""));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Kolada är avstängt: sätt kolada.municipality");
        assertThat(kolada.requests()).isEmpty();
    }

    @Test
    void the_coordinators_digest_lists_what_kolada_brought_since_the_last_one() throws Exception {
        Clock wednesday = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
        long id = newStartedCompanies(wednesday);
        try (Planbot planbot = TestPlanbot.create(folder, settings("1489"), wednesday)) {
            planbot.plan().createPerson(new se.planbot.plan.PersonDraft("Koordinator", "koordinator@example.se", null,
                    se.planbot.plan.PersonRole.COORDINATOR));
            planbot.indicators().putValue(id, 2023, new BigDecimal("4.0"), "", "api:Anna");
            kolada.answer(STARTED, 200, page(null, row("N00999", "1489", 2022, "4.4"), row("N00999", "1489", 2023, "4.2")));
            planbot.fetchIndicators();
        }
        Clock monday = Clock.fixed(Instant.parse("2026-12-07T07:05:00Z"), ZoneOffset.UTC);
        try (Planbot planbot = TestPlanbot.create(folder, settings("1489"), monday)) {
            planbot.remind(false);
        }

        assertThat(digestText()).contains("NYTT FRÅN KOLADA (2)",
                "* Nystartade företag 2022: 4,4 per 1 000 inv.",
                "* Nystartade företag 2023: Kolada säger 4,2 per 1 000 inv., inmatat 4 per 1 000 inv. behölls",
                "/indicators/" + id);
    }

    @Test
    void import_loads_values_from_a_sheet_or_lists_every_bad_row_and_changes_nothing() throws Exception {
        long id = newStartedCompanies(Clock.systemUTC());
        Path good = folder.resolve("varden.csv");
        Files.writeString(good, "Indikator;År;Värde;Anteckning\n" + id + ";2024;4,3;Preliminärt\n", StandardCharsets.UTF_8);
        Path bad = folder.resolve("trasig.csv");
        Files.writeString(bad, "Indikator;År;Värde\n" + id + ";2025;fyra\nNågon;2025;1\n", StandardCharsets.UTF_8);

        var run = CommandRun.of("indicators", "import", good.toString(), "--config", config("1489"));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Importerade " + good + ": 1 nya, 0 ändrade, 0 oförändrade värden");

        var refused = CommandRun.of("indicators", "import", bad.toString(), "--config", config("1489"));
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("planbot: importen avbröts, inget ändrades:",
                "  rad 2: Värde: 'fyra' är inget tal (t.ex. 4,1 eller 3700)",
                "  rad 3: det finns ingen indikator som heter 'Någon'");
        try (Planbot planbot = TestPlanbot.create(folder, settings("1489"), Clock.systemUTC())) {
            assertThat(planbot.indicators().values(id)).extracting(se.planbot.indicators.IndicatorValue::year)
                    .containsExactly(2024);
        }
    }

    @Test
    void serve_with_kolada_on_schedules_the_yearly_fetch_and_starts() {
        try (var app = TestPlanbot.started(folder, settings("1489"))) {
            assertThat(app.get("/health").statusCode()).isEqualTo(200);
            assertThat(kolada.requests()).as("nothing is fetched at start-up").isEmpty();
        }
    }

    private String digestText() throws Exception {
        Path eml;
        try (var files = Files.list(folder.resolve("mail"))) {
            eml = files.filter(file -> file.toString().endsWith("-digest.eml")).findFirst().orElseThrow();
        }
        try (InputStream in = Files.newInputStream(eml)) {
            var message = new MimeMessage(Session.getInstance(new Properties()), in);
            var parts = (jakarta.mail.Multipart) message.getContent();
            return ((String) parts.getBodyPart(0).getContent()).replace('\u00A0', ' ');
        }
    }
}
