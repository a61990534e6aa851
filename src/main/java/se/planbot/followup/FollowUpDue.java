package se.planbot.followup;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.planbot.config.ConfigException;
import se.planbot.outbox.Channel;
import se.planbot.outbox.Outbox;
import se.planbot.outbox.OutgoingMessage;
import se.planbot.plan.PlanService;
import se.planbot.reminders.Coordinators;
import se.planbot.reminders.DigestSection;
import se.planbot.reminders.ReminderSettings;
import se.planbot.reminders.SweepTask;
import se.planbot.reminders.WorkingDays;

/**
 * Reminds the coordinator that last year's follow-up is due on {@code followup.due} (a day of the
 * year, MM-DD): one mail {@value #NOTICE_DAYS} days before (or at the first sweep after, up to the
 * due day) unless the report is already published, and a line in every digest from then until it
 * is published (saying "försenad" after the due day, for {@value #OVERDUE_DAYS} days).
 */
public final class FollowUpDue implements SweepTask, DigestSection {

    static final String TEMPLATE = "followup-due";
    static final int NOTICE_DAYS = 28;
    static final int OVERDUE_DAYS = 92;

    private final MonthDay due;
    private final PlanService plan;
    private final Outbox outbox;
    private final ReminderSettings settings;
    private final FollowUpStore store = new FollowUpStore();

    public FollowUpDue(MonthDay due, PlanService plan, Outbox outbox, ReminderSettings settings) {
        this.due = due;
        this.plan = plan;
        this.outbox = outbox;
        this.settings = settings;
    }

    /** {@code followup.due} as written ({@code 03-31}); anything else stops start-up naming the key. */
    public static MonthDay parse(String text) {
        try {
            return MonthDay.parse("--" + text.strip());
        } catch (DateTimeParseException notADay) {
            throw new ConfigException("Ogiltig konfiguration: followup.due = '" + text
                    + "': ange månad och dag som MM-DD, t.ex. 03-31");
        }
    }

    @Override
    public int runAsOf(Connection connection, ZonedDateTime now, WorkingDays workingDays) throws SQLException {
        LocalDate today = now.withZoneSameInstant(settings.zone()).toLocalDate();
        LocalDate dueDay = due.atYear(today.getYear());
        if (today.isBefore(dueDay.minusDays(NOTICE_DAYS)) || today.isAfter(dueDay)) {
            return 0;
        }
        int year = dueDay.getYear() - 1;
        Optional<FollowUpReport> report = store.byYear(connection, year);
        if (report.map(FollowUpReport::isPublished).orElse(false)) {
            return 0;
        }
        Map<String, Object> model = item(year, dueDay, report, today);
        int queued = 0;
        for (var recipient : Coordinators.of(connection, plan, settings)) {
            if (outbox.enqueue(connection, new OutgoingMessage(TEMPLATE + ":" + year + ":"
                    + recipient.email().toLowerCase(java.util.Locale.ROOT), Channel.EMAIL, recipient.email(),
                    recipient.name(), TEMPLATE, model, settings.locale()))) {
                queued++;
            }
        }
        return queued;
    }

    @Override
    public String key() {
        return "followUp";
    }

    /** The digest's line: last year's report from {@value #NOTICE_DAYS} days before its due day until published. */
    @Override
    public List<Map<String, Object>> items(Connection connection, ZonedDateTime since, ZonedDateTime until)
            throws SQLException {
        LocalDate today = until.withZoneSameInstant(settings.zone()).toLocalDate();
        LocalDate dueDay = due.atYear(today.getYear());
        if (today.isBefore(dueDay.minusDays(NOTICE_DAYS)) || today.isAfter(dueDay.plusDays(OVERDUE_DAYS))) {
            return List.of();
        }
        int year = dueDay.getYear() - 1;
        Optional<FollowUpReport> report = store.byYear(connection, year);
        if (report.map(FollowUpReport::isPublished).orElse(false)) {
            return List.of();
        }
        return List.of(item(year, dueDay, report, today));
    }

    private Map<String, Object> item(int year, LocalDate dueDay, Optional<FollowUpReport> report, LocalDate today) {
        var item = new LinkedHashMap<String, Object>();
        item.put("year", year);
        item.put("due", dueDay.toString());
        item.put("overdue", today.isAfter(dueDay));
        item.put("started", report.isPresent());
        item.put("ready", report.map(draft -> Section.values().length - draft.notReady().size()).orElse(0));
        item.put("sections", Section.values().length);
        item.put("url", settings.baseUrl() + "/admin/follow-up" + (report.isPresent() ? "/" + year : ""));
        return item;
    }
}
