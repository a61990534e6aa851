package se.planbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import se.planbot.TestPlanbot;

/** The public indicator pages on the demo: charts that are valid SVG with title and desc, and tell what the table tells. */
class IndicatorPagesTest {

    private static final Pattern SVG = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL);
    private static final Pattern ROW = Pattern.compile(
            "<td data-label=\"[^\"]*\" class=\"year\">(\\d{4})</td><td data-label=\"[^\"]*\" class=\"value\">([^<]*)</td>");

    @TempDir
    Path folder;
    TestPlanbot app;

    @BeforeEach
    void start() {
        app = TestPlanbot.started(folder).withDemo();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private static Document svg(String page) throws Exception {
        var matcher = SVG.matcher(page);
        assertThat(matcher.find()).as("the page has an svg").isTrue();
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(matcher.group().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> chartPoints(Document svg) {
        var years = new ArrayList<String>();
        var values = new ArrayList<String>();
        var texts = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        for (int i = 0; i < texts.getLength(); i++) {
            var text = (Element) texts.item(i);
            if (text.getAttribute("class").equals("year")) {
                years.add(text.getTextContent());
            } else if (text.getAttribute("class").equals("value")) {
                values.add(text.getTextContent());
            }
        }
        assertThat(values).hasSameSizeAs(years);
        var points = new ArrayList<String>();
        for (int i = 0; i < years.size(); i++) {
            points.add(years.get(i) + "=" + values.get(i));
        }
        return points;
    }

    private static List<String> tableRows(String page) {
        var rows = new ArrayList<String>();
        var matcher = ROW.matcher(page);
        while (matcher.find()) {
            rows.add(matcher.group(1) + "=" + matcher.group(2));
        }
        return rows;
    }

    @Test
    void the_chart_is_valid_svg_with_a_title_that_states_the_message_and_a_desc_with_the_trend() throws Exception {
        var page = app.get("/indicators/2");
        assertThat(page.statusCode()).isEqualTo(200);

        var svg = svg(page.body());
        var root = svg.getDocumentElement();
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo("chart-2-title chart-2-desc");
        String title = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").item(0).getTextContent();
        String desc = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "desc").item(0).getTextContent();
        assertThat(title.replace('\u00A0', ' ')).isEqualTo("Nya jobb sedan 2021: 1 050 jobb år 2024, mål 3 700 jobb år 2035");
        assertThat(desc.replace('\u00A0', ' ')).startsWith("Ökade från 0 jobb år 2021 till 1 050 jobb år 2024. "
                + "Senast ökade med 290 från 2023 till 2024 (bättre).").contains("Målet är 3 700 jobb år 2035.");
        var target = (Element) svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "line").item(
                svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "line").getLength() - 1);
        assertThat(target.getAttribute("class")).isEqualTo("target");
        assertThat(target.getAttribute("stroke-dasharray")).isNotEmpty();
        assertThat(page.body()).contains("Mål 2035: 3\u00A0700");
    }

    @Test
    void the_chart_carries_the_same_numbers_as_the_table_on_every_indicator() throws Exception {
        for (int id = 1; id <= 7; id++) {
            var page = app.get("/indicators/" + id).body();
            assertThat(chartPoints(svg(page))).as("indicator " + id).isNotEmpty().isEqualTo(tableRows(page));
        }
        assertThat(tableRows(app.get("/indicators/2").body())).containsExactly("2021=0", "2022=430", "2023=760",
                "2024=1\u00A0050");
    }

    @Test
    void a_missing_year_is_said_in_both_chart_and_table() throws Exception {
        app.planbot().indicators().putValue(3, 2024, null, "Ej publicerat än", "test");

        var page = app.get("/indicators/3").body();

        assertThat(chartPoints(svg(page))).contains("2024=saknas").isEqualTo(tableRows(page));
        assertThat(page).contains("2024: Ej publicerat än");
    }

    @Test
    void kolada_figures_say_their_source_and_notes_are_shown() {
        var started = app.get("/indicators/3").body();
        assertThat(started).contains("<figcaption>Källa: Kolada (nyckeltal N00999).</figcaption>");

        var jobs = app.get("/indicators/1").body();
        assertThat(jobs).contains("Källa: kommunens egna uppgifter.")
                .contains("2022: Seriebrott: från 2022 bygger SCB:s dagbefolkning på BAS i stället för RAMS.");
    }

    @Test
    void the_list_shows_every_indicator_with_its_chart_and_the_csv_has_the_same_values() {
        var list = app.get("/indicators");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(SVG.matcher(list.body()).results().count()).isEqualTo(7);
        assertThat(list.body()).contains("aria-current=\"page\">Indikatorer</a>");

        var csv = app.get("/indicators/3/varden.csv");
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFFIndikator;År;Värde;Enhet;Källa;Hämtad;Anteckning\r\n")
                .contains("Nystartade företag;2019;4,3;per 1 000 inv.;Kolada;2026-11-27;\r\n");
    }

    @Test
    void the_front_page_shows_new_jobs_so_far_against_the_goal_and_links_there() {
        var front = app.get("/").body().replace('\u00A0', ' ');

        assertThat(front).contains("Nya jobb sedan 2021: 1 050 av 3 700 jobb").contains("href=\"/indicators/2\"")
                .contains("<progress max=\"100\" value=\"28\"");
    }

    @Test
    void an_unknown_indicator_is_the_swedish_404_page() {
        var page = app.get("/indicators/999");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(app.get("/indicators/sju").statusCode()).isEqualTo(404);
    }

    @Test
    void a_value_entered_later_is_on_the_page_at_once() {
        app.planbot().indicators().putValue(7, 2024, new BigDecimal("44100"), "", "test");

        assertThat(tableRows(app.get("/indicators/7").body())).endsWith("2024=44\u00A0100");
    }
}
