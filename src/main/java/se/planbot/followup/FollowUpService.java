package se.planbot.followup;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import se.planbot.db.Database;
import se.planbot.followup.FollowUpReport.SectionText;
import se.planbot.problem.Errors;
import se.planbot.problem.InputText;
import se.planbot.problem.InvalidInput;
import se.planbot.problem.NotFound;

/**
 * The yearly follow-up's workflow: a draft is started for a year (its texts taken from the latest
 * earlier report), the coordinator writes each section and marks it ready, and publishing — only
 * when every section is ready — freezes the figures as they are at that moment. A published report
 * never changes (the database refuses it too, V45); drafts show the figures as they are now.
 */
public final class FollowUpService {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2099;
    static final int TEXT_MAX = 10_000;

    private final Database database;
    private final FigureCollector collector;
    private final Clock clock;
    private final FollowUpStore store = new FollowUpStore();

    FollowUpService(Database database, FigureCollector collector, Clock clock) {
        this.database = database;
        this.collector = collector;
        this.clock = clock;
    }

    /** Every report, newest year first. */
    public List<FollowUpReport> reports() {
        return database.read(store::all);
    }

    public Optional<FollowUpReport> report(int year) {
        return database.read(connection -> store.byYear(connection, year));
    }

    /** A report the public may read: published only. */
    public Optional<FollowUpReport> published(int year) {
        return report(year).filter(FollowUpReport::isPublished);
    }

    /** Published reports, newest first. */
    public List<FollowUpReport> publishedReports() {
        return reports().stream().filter(FollowUpReport::isPublished).toList();
    }

    public FollowUpReport require(int year) {
        return report(year).orElseThrow(() -> new NotFound("Det finns ingen uppföljning för " + year));
    }

    /** The figures to show: frozen for a published report, taken now for a draft. */
    public ReportFigures figures(FollowUpReport report) {
        return report.frozenFigures().orElseGet(() -> collector.collect(report.year(), Meetings.parse(report.meetings())));
    }

    /**
     * Starts the draft for {@code year}. Its section texts are the latest earlier report's (none
     * marked ready: each is to be read again for the new year); without one they start empty.
     */
    public FollowUpReport startDraft(int year, String actor) {
        checkYear(year);
        return database.write(connection -> {
            if (store.byYear(connection, year).isPresent()) {
                throw new InvalidInput("year", "det finns redan en uppföljning för " + year);
            }
            Optional<FollowUpReport> previous = store.latestBefore(connection, year);
            var sections = new ArrayList<SectionText>();
            Instant now = clock.instant();
            for (Section section : Section.values()) {
                String body = previous.map(report -> report.section(section).body()).orElse("");
                sections.add(new SectionText(section, body, false, now, actor));
            }
            store.insert(connection, year, sections, now, actor);
            return store.byYear(connection, year).orElseThrow();
        });
    }

    /** Saves one section's text and whether it is ready; only in a draft. */
    public FollowUpReport saveSection(int year, Section section, String body, boolean ready, String actor) {
        var errors = new Errors();
        String text = body == null ? "" : body.strip();
        InputText.text(errors, section.code(), "texten i ”" + section.title() + "”", text, TEXT_MAX);
        if (ready && text.isEmpty()) {
            errors.add(section.code(), "skriv en text i ”" + section.title() + "” innan du markerar avsnittet som klart");
        }
        errors.throwIfAny();
        return database.write(connection -> {
            requireDraft(store.byYear(connection, year), year);
            store.saveSection(connection, year, section, text, ready, clock.instant(), actor);
            return store.byYear(connection, year).orElseThrow();
        });
    }

    /** Saves the coming year's meeting dates, one a line ({@code 2027-04-15 Näringslivsforum}); only in a draft. */
    public FollowUpReport saveMeetings(int year, String meetings) {
        String text = meetings == null ? "" : meetings.strip();
        Meetings.parse(text);
        return database.write(connection -> {
            requireDraft(store.byYear(connection, year), year);
            store.saveMeetings(connection, year, text, clock.instant());
            return store.byYear(connection, year).orElseThrow();
        });
    }

    /**
     * Publishes the draft: every section must be marked ready. The figures are taken now and kept
     * with the report; from then on it is what the public reads, and it does not change.
     */
    public FollowUpReport publish(int year, String actor) {
        FollowUpReport draft = readyDraft(report(year), year);
        ReportFigures figures = collector.collect(year, Meetings.parse(draft.meetings()));
        return database.write(connection -> {
            // Checked again in the write: a section may have been reopened, or the meetings changed, meanwhile.
            FollowUpReport current = readyDraft(store.byYear(connection, year), year);
            if (!current.meetings().equals(draft.meetings())) {
                throw new InvalidInput("meetings", "mötesdatumen ändrades medan uppföljningen publicerades; försök igen");
            }
            store.publish(connection, year, figures, clock.instant(), actor);
            return store.byYear(connection, year).orElseThrow();
        });
    }

    private static FollowUpReport readyDraft(Optional<FollowUpReport> found, int year) {
        FollowUpReport draft = requireDraft(found, year);
        List<Section> notReady = draft.notReady();
        if (!notReady.isEmpty()) {
            throw new InvalidInput("sections", "alla avsnitt måste vara markerade som klara innan uppföljningen "
                    + "publiceras; inte klara: " + notReady.stream().map(Section::title)
                            .collect(Collectors.joining(", ")));
        }
        return draft;
    }

    private static FollowUpReport requireDraft(Optional<FollowUpReport> found, int year) {
        FollowUpReport report = found.orElseThrow(() -> new NotFound("Det finns ingen uppföljning för " + year));
        if (report.isPublished()) {
            throw new InvalidInput("state", "uppföljningen för " + year + " är publicerad och kan inte ändras");
        }
        return report;
    }

    static void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidInput("year", year + " är utanför gränserna; ange ett år från " + FIRST_YEAR + " till "
                    + LAST_YEAR);
        }
    }
}
