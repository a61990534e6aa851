package se.planbot.web;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import se.planbot.followup.FollowUpReport;
import se.planbot.followup.FollowUpReport.SectionText;
import se.planbot.followup.Judgement;
import se.planbot.followup.ReportFigures;
import se.planbot.followup.ReportFigures.ActionRow;
import se.planbot.followup.ReportFigures.IndicatorRow;
import se.planbot.followup.ReportFigures.StrategyRow;

/**
 * A report and its figures as the templates read them (the web page, the print page that becomes
 * the PDF, the console's preview): numbers and dates written the Swedish way ("3 700", "4,1",
 * "15 januari 2027"), each section's text as paragraphs, the judgement scale spelled out.
 */
final class FollowUpView {

    static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", SWEDISH);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy 'kl.' HH.mm", SWEDISH);

    private final ZoneId zone;

    FollowUpView(ZoneId zone) {
        this.zone = zone;
    }

    Map<String, Object> model(FollowUpReport report, ReportFigures figures) {
        var model = new LinkedHashMap<String, Object>();
        model.put("year", report.year());
        model.put("nextYear", report.year() + 1);
        model.put("published", report.isPublished());
        model.put("publishedAt", report.publishedAt() == null ? "" : moment(report.publishedAt()));
        model.put("takenAt", moment(figures.takenAt()));
        model.put("asOf", DAY.format(figures.asOf()));
        var sections = new ArrayList<Map<String, Object>>();
        var texts = new LinkedHashMap<String, Object>();
        for (SectionText text : report.sections()) {
            var section = new LinkedHashMap<String, Object>();
            section.put("code", text.section().code());
            section.put("title", text.section().title());
            section.put("hint", text.section().hint());
            section.put("body", text.body());
            section.put("paragraphs", paragraphs(text.body()));
            section.put("ready", text.ready());
            section.put("updatedBy", text.updatedBy());
            section.put("updatedAt", moment(text.updatedAt()));
            sections.add(section);
            texts.put(text.section().code(), paragraphs(text.body()));
        }
        model.put("sections", sections);
        model.put("texts", texts);
        model.put("meetingsText", report.meetings());
        model.put("notReady", report.notReady().stream().map(section -> section.title()).toList());

        model.put("indicators", figures.indicators().stream().map(this::indicator).toList());
        var scale = new ArrayList<Map<String, String>>();
        for (Judgement judgement : Judgement.values()) {
            scale.add(Map.of("label", judgement.label(), "symbol", judgement.symbol(), "meaning", judgement.meaning(),
                    "code", judgement.code()));
        }
        model.put("scale", scale);
        model.put("strategies", figures.strategies().stream().map(FollowUpView::strategy).toList());
        model.put("total", strategy(figures.total()));
        model.put("completed", figures.completed().stream().map(FollowUpView::action).toList());
        model.put("overdue", figures.overdue().stream().map(FollowUpView::action).toList());
        model.put("nextYearActions", figures.nextYearActions().stream().map(FollowUpView::action).toList());
        model.put("dialogs", figures.dialogs().stream().map(dialog -> Map.of("title", dialog.title(),
                "date", DAY.format(dialog.start()) + " kl. " + dialog.start().toLocalTime().toString().replace(':', '.'),
                "place", dialog.place(), "participants", dialog.participants())).toList());
        model.put("participants", figures.participants());
        model.put("proposalsRegistered", figures.proposalsRegistered());
        model.put("proposals", figures.proposalsRegistered() ? figures.proposals().stream().map(proposal -> Map.of(
                "title", proposal.title(), "outcome", proposal.outcome(), "answer", proposal.answer(),
                "actionCode", proposal.actionCode())).toList() : List.of());
        model.put("outcomes", figures.proposalOutcomes().stream()
                .map(count -> Map.of("outcome", count.outcome(), "count", count.count())).toList());
        model.put("meetings", figures.meetings().stream()
                .map(meeting -> Map.of("date", DAY.format(meeting.date()), "iso", meeting.date().toString(),
                        "title", meeting.title())).toList());
        return model;
    }

    private Map<String, Object> indicator(IndicatorRow row) {
        var view = new LinkedHashMap<String, Object>();
        view.put("name", row.name());
        view.put("unit", row.unit());
        view.put("goal", row.goal());
        view.put("direction", row.higherIsBetter() ? "Högre är bättre" : "Lägre är bättre");
        view.put("baseline", valueInYear(row.baselineValue(), row.baselineYear()));
        view.put("previous", valueInYear(row.previousValue(), row.previousYear()));
        view.put("latest", valueInYear(row.latestValue(), row.latestYear()));
        view.put("target", valueInYear(row.targetValue(), row.targetYear()));
        view.put("judgement", row.judgement().label());
        view.put("symbol", row.judgement().symbol());
        view.put("judgementCode", row.judgement().code());
        view.put("source", row.source());
        view.put("note", row.note());
        return view;
    }

    private static Map<String, Object> strategy(StrategyRow row) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", row.id());
        view.put("title", row.title());
        view.put("total", row.total());
        view.put("planned", row.planned());
        view.put("inProgress", row.inProgress());
        view.put("done", row.done());
        view.put("cancelled", row.cancelled());
        view.put("overdue", row.overdue());
        view.put("shareDone", row.shareDone() == null ? "–" : row.shareDone() + " %");
        return view;
    }

    private static Map<String, Object> action(ActionRow row) {
        return Map.of("code", row.code(), "title", row.title(), "strategy", row.strategyId(), "owner",
                row.owner().isEmpty() ? "ingen ansvarig" : row.owner(),
                "deadline", row.deadline() == null ? "–" : day(row.deadline()), "status", row.status());
    }

    private String moment(Instant instant) {
        return MOMENT.format(instant.atZone(zone));
    }

    static String day(LocalDate date) {
        return DAY.format(date);
    }

    /** "1 350 (2025)", or a dash when the value or its year is missing. */
    static String valueInYear(Double value, Integer year) {
        if (value == null) {
            return "–";
        }
        return number(value) + (year == null ? "" : " (" + year + ")");
    }

    /** Swedish digits: a space between thousands, a decimal comma, at most two decimals. */
    static String number(double value) {
        var symbols = DecimalFormatSymbols.getInstance(SWEDISH);
        symbols.setGroupingSeparator('\u00a0');
        symbols.setMinusSign('−');
        return new DecimalFormat("#,##0.##", symbols).format(value);
    }

    /** A text as paragraphs: split at blank lines, single line breaks kept as spaces. */
    static List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.of(text.strip().split("\\R\\s*\\R")).stream().map(part -> part.strip().replaceAll("\\s*\\R\\s*", " "))
                .filter(part -> !part.isEmpty()).toList();
    }
}
