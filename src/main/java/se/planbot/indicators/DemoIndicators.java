package se.planbot.indicators;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code serve --demo}: the programme's indicators with plausible values for a municipality of
 * about 42 000 inhabitants: jobs in the municipality and the derived "new jobs since 2021" against
 * the goal of 3 700 by 2035, three Kolada key figures, the business-climate ranking and turnover.
 */
public final class DemoIndicators {

    private static final String JOBS_GOAL = "3 700 fler arbetstillfällen till 2035";
    private static final String BUSINESS_GOAL = "Företagsklimat och innovationskraft";
    private static final String SKILLS_GOAL = "Kompetensförsörjning och attraktionskraft";

    private final IndicatorService indicators;

    public DemoIndicators(IndicatorService indicators) {
        this.indicators = indicators;
    }

    /** Adds the demo indicators when there are none yet. */
    public void loadIntoEmptyStore() {
        indicators.database().write(connection -> {
            if (!indicators.list(connection).isEmpty()) {
                return null;
            }
            var jobs = create(connection, "Arbetstillfällen i kommunen",
                    "Dagbefolkning: personer 16 år och äldre som arbetar i kommunen (SCB).", "personer",
                    Direction.HIGHER, JOBS_GOAL, null, 2021, "16480", null, null, SourceKind.FILE, null, null);
            values(connection, jobs, ValueSource.FILE, "2019", "16350", "2020", "16120", "2021", "16480",
                    "2022", "16910", "2023", "17240", "2024", "17530");
            indicators.putValue(connection, jobs, 2022, new BigDecimal("16910"),
                    "Seriebrott: från 2022 bygger SCB:s dagbefolkning på BAS i stället för RAMS.", ValueSource.FILE, "demo");
            create(connection, "Nya jobb sedan 2021", "Arbetstillfällen i kommunen jämfört med basåret 2021.",
                    "jobb", Direction.HIGHER, JOBS_GOAL, null, 2021, "0", 2035, "3700", SourceKind.DERIVED, null, jobs);
            var started = create(connection, "Nystartade företag",
                    "Nystartade företag per 1 000 invånare 16–64 år.", "per 1 000 inv.", Direction.HIGHER,
                    BUSINESS_GOAL, 5, 2021, "5.1", 2035, "6", SourceKind.KOLADA, "N00999", null);
            values(connection, started, ValueSource.KOLADA, "2019", "4.3", "2020", "4.6", "2021", "5.1",
                    "2022", "4.4", "2023", "4.2");
            var employed = create(connection, "Förvärvsarbetande invånare 20–64 år",
                    "Andel förvärvsarbetande invånare 20–64 år.", "%", Direction.HIGHER, SKILLS_GOAL, 2,
                    2021, "80.6", 2035, "83", SourceKind.KOLADA, "N00914", null);
            values(connection, employed, ValueSource.KOLADA, "2019", "81.2", "2020", "80.1", "2021", "80.6",
                    "2022", "81.5", "2023", "81.9");
            var unemployed = create(connection, "Arbetslöshet 16–65 år",
                    "Öppet arbetslösa och sökande i program med aktivitetsstöd, andel av befolkningen 16–65 år.", "%",
                    Direction.LOWER, SKILLS_GOAL, 2, 2021, "6.5", 2035, "4.5", SourceKind.KOLADA, "N03932", null);
            values(connection, unemployed, ValueSource.KOLADA, "2019", "5.6", "2020", "7.1", "2021", "6.5",
                    "2022", "5.8", "2023", "6", "2024", "6.2");
            var climate = create(connection, "Företagsklimat, ranking",
                    "Kommunens plats i Svenskt Näringslivs ranking av företagsklimatet (av 290 kommuner).", "plats",
                    Direction.LOWER, BUSINESS_GOAL, 1, 2021, "87", 2035, "40", SourceKind.MANUAL, null, null);
            values(connection, climate, ValueSource.MANUAL, "2019", "112", "2020", "98", "2021", "87", "2022", "74",
                    "2023", "81", "2024", "66");
            var turnover = create(connection, "Omsättning i kommunens företag",
                    "Företagens samlade omsättning, miljoner kronor (uppgift från UC, matas in för hand).", "mnkr",
                    Direction.HIGHER, BUSINESS_GOAL, null, 2021, "38200", 2035, "55000", SourceKind.MANUAL, null, null);
            values(connection, turnover, ValueSource.MANUAL, "2021", "38200", "2022", "41500", "2023", "42900");
            return null;
        });
    }

    private long create(Connection connection, String name, String description, String unit, Direction direction,
            String goal, Integer strategy, Integer baselineYear, String baseline, Integer targetYear, String target,
            SourceKind kind, String kpi, Long derivedFrom) throws SQLException {
        return indicators.create(connection, new IndicatorDraft(name, description, unit, direction, goal, strategy,
                baselineYear, decimal(baseline), targetYear, decimal(target), kind, kpi, null, derivedFrom)).id();
    }

    private void values(Connection connection, long id, ValueSource source, String... yearsAndValues)
            throws SQLException {
        for (int i = 0; i < yearsAndValues.length; i += 2) {
            indicators.putValue(connection, id, Integer.parseInt(yearsAndValues[i]), decimal(yearsAndValues[i + 1]),
                    "", source, "demo");
        }
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
