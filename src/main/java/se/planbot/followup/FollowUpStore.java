package se.planbot.followup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.planbot.db.Jdbc;
import se.planbot.followup.FollowUpReport.ReportState;
import se.planbot.followup.FollowUpReport.SectionText;

/** The report tables (V45). SQL and the frozen figures' JSON only; the workflow is {@link FollowUpService}. */
final class FollowUpStore {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    List<FollowUpReport> all(Connection connection) throws SQLException {
        var reports = new ArrayList<FollowUpReport>();
        for (int year : Jdbc.list(connection, "select year from followup_reports order by year desc",
                row -> row.getInt("year"))) {
            reports.add(byYear(connection, year).orElseThrow());
        }
        return reports;
    }

    Optional<FollowUpReport> byYear(Connection connection, int year) throws SQLException {
        List<SectionText> sections = Jdbc.list(connection,
                "select * from followup_sections where year = ?", row -> new SectionText(
                        Section.fromCode(row.getString("section")).orElseThrow(), row.getString("body"),
                        row.getBoolean("ready"), Jdbc.instant(row, "updated_at"), row.getString("updated_by")),
                year);
        var ordered = new ArrayList<>(sections);
        ordered.sort(java.util.Comparator.comparing(SectionText::section));
        return Jdbc.one(connection, "select * from followup_reports where year = ?", row -> new FollowUpReport(
                row.getInt("year"), ReportState.valueOf(row.getString("state").toUpperCase(java.util.Locale.ROOT)),
                List.copyOf(ordered), row.getString("meetings"), Jdbc.instant(row, "created_at"),
                Jdbc.instant(row, "updated_at"), Jdbc.instant(row, "published_at"), row.getString("published_by"),
                figures(row.getString("figures_json"))), year);
    }

    /** The latest report of a year before {@code year}, to start a new draft from. */
    Optional<FollowUpReport> latestBefore(Connection connection, int year) throws SQLException {
        Optional<Integer> found = Jdbc.one(connection,
                "select year from followup_reports where year < ? order by year desc limit 1",
                row -> row.getInt("year"), year);
        return found.isEmpty() ? Optional.empty() : byYear(connection, found.get());
    }

    void insert(Connection connection, int year, List<SectionText> sections, Instant now, String actor)
            throws SQLException {
        Jdbc.update(connection, """
                insert into followup_reports (year, state, created_at, created_by, updated_at)
                values (?, 'draft', ?, ?, ?)
                """, year, now, actor, now);
        for (SectionText text : sections) {
            Jdbc.update(connection, """
                    insert into followup_sections (year, section, body, ready, updated_at, updated_by)
                    values (?, ?, ?, ?, ?, ?)
                    """, year, text.section().code(), text.body(), text.ready() ? 1 : 0, now, actor);
        }
    }

    void saveSection(Connection connection, int year, Section section, String body, boolean ready, Instant now,
            String actor) throws SQLException {
        Jdbc.update(connection, """
                update followup_sections set body = ?, ready = ?, updated_at = ?, updated_by = ?
                where year = ? and section = ?
                """, body, ready ? 1 : 0, now, actor, year, section.code());
        touch(connection, year, now);
    }

    void saveMeetings(Connection connection, int year, String meetings, Instant now) throws SQLException {
        Jdbc.update(connection, "update followup_reports set meetings = ?, updated_at = ? where year = ?",
                meetings, now, year);
    }

    void publish(Connection connection, int year, ReportFigures figures, Instant now, String actor)
            throws SQLException {
        Jdbc.update(connection, """
                update followup_reports set state = 'published', published_at = ?, published_by = ?,
                       figures_taken_at = ?, figures_json = ?, updated_at = ?
                where year = ? and state = 'draft'
                """, now, actor, figures.takenAt(), toJson(figures), now, year);
    }

    private void touch(Connection connection, int year, Instant now) throws SQLException {
        Jdbc.update(connection, "update followup_reports set updated_at = ? where year = ?", now, year);
    }

    private String toJson(ReportFigures figures) {
        try {
            return json.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report's figures cannot be written as JSON", e);
        }
    }

    private ReportFigures figures(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, ReportFigures.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a published report's figures cannot be read", e);
        }
    }
}
