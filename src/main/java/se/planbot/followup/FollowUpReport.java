package se.planbot.followup;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One year's follow-up report: a draft until published; its sections' texts, whether each is
 * marked ready, the coming year's meeting dates as written, and — once published — who published
 * it, when, and the figures frozen then.
 */
public record FollowUpReport(int year, ReportState state, List<SectionText> sections, String meetings,
        Instant createdAt, Instant updatedAt, Instant publishedAt, String publishedBy, ReportFigures frozen) {

    public record SectionText(Section section, String body, boolean ready, Instant updatedAt, String updatedBy) {
    }

    public enum ReportState {
        DRAFT, PUBLISHED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean isPublished() {
        return state == ReportState.PUBLISHED;
    }

    public SectionText section(Section section) {
        return sections.stream().filter(text -> text.section() == section).findFirst().orElseThrow();
    }

    /** The sections not yet marked ready, in report order. */
    public List<Section> notReady() {
        return sections.stream().filter(text -> !text.ready()).map(SectionText::section).toList();
    }

    public Optional<ReportFigures> frozenFigures() {
        return Optional.ofNullable(frozen);
    }
}
