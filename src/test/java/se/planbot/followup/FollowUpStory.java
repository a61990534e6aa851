package se.planbot.followup;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import se.planbot.Fixtures;
import se.planbot.MutableClock;
import se.planbot.Planbot;
import se.planbot.db.Jdbc;
import se.planbot.dialogs.DialogDraft;
import se.planbot.dialogs.RegistrationForm;
import se.planbot.plan.Action;
import se.planbot.plan.ActionDraft;
import se.planbot.plan.ActionStatus;
import se.planbot.plan.Person;
import se.planbot.plan.PersonRole;

/**
 * A programme year for the follow-up's tests: two strategies and five actions in 2026 (one done in
 * June, one cancelled, one overdue, one still running, one starting in 2027), a dialog in May with
 * two participants, and the clock then moved to 15 January 2027, when the report is written.
 */
final class FollowUpStory implements AutoCloseable {

    static final Instant SPRING = Instant.parse("2026-03-02T08:00:00Z");
    static final Instant JUNE = Instant.parse("2026-06-10T08:00:00Z");
    static final Instant WRITING = Instant.parse("2027-01-15T09:00:00Z");

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    final MutableClock clock = new MutableClock(SPRING);
    final Planbot planbot;
    Action done;
    Action cancelled;
    Action overdue;
    Action running;
    Action nextYear;

    FollowUpStory(Path folder) {
        this(folder, Map.of());
    }

    FollowUpStory(Path folder, Map<String, String> settings) {
        planbot = Fixtures.planbot(folder, clock, settings);
        planbot.database().write(connection -> Jdbc.update(connection,
                "insert into strategies (id, title) values (2, 'Kompetensförsörjning') on conflict do nothing"));
        Person anna = Fixtures.person(planbot, "Anna Åberg", "anna@kommun.se", null, PersonRole.OWNER);
        Person coordinator = Fixtures.person(planbot, "Karin Öst", "karin@kommun.se", null, PersonRole.COORDINATOR);
        done = action("1.1", "Företagslotsen öppnar", 1, anna, "2026-06-30", ActionStatus.IN_PROGRESS, null);
        cancelled = action("1.2", "Mässa på torget", 1, anna, "2026-09-30", ActionStatus.PLANNED, null);
        overdue = action("2.1", "Praktikplatser för gymnasieelever", 2, coordinator, "2026-11-30",
                ActionStatus.IN_PROGRESS, null);
        running = action("2.2", "Yrkesvux för industrin", 2, anna, "2027-06-30", ActionStatus.IN_PROGRESS, null);
        nextYear = action("2.3", "Kompetensråd med företagen", 2, anna, "2027-12-31", ActionStatus.PLANNED,
                LocalDate.parse("2027-02-01"));
        var dialog = planbot.dialogs().dialogs().create(new DialogDraft("Frukostmöte om kompetens", "Kompetens", "",
                LocalDateTime.parse("2026-05-20T07:30"), LocalDateTime.parse("2026-05-20T09:00"), "Stadshuset", "",
                40, List.of(2)));
        planbot.dialogs().dialogs().publish(dialog.id());
        planbot.dialogs().registrations().register(dialog.id(),
                new RegistrationForm("Bo Ek", "Eks Bygg AB", "bo@eksbygg.se", Locale.forLanguageTag("sv")));
        planbot.dialogs().registrations().register(dialog.id(),
                new RegistrationForm("Åsa Lind", "Lindås Verkstad", "asa@lindas.se", Locale.forLanguageTag("sv")));
        clock.set(JUNE);
        Fixtures.setStatus(planbot, done, ActionStatus.DONE);
        Fixtures.setStatus(planbot, cancelled, ActionStatus.CANCELLED);
        clock.set(WRITING);
    }

    private Action action(String code, String title, int strategy, Person owner, String deadline,
            ActionStatus status, LocalDate start) {
        return planbot.plan().createAction(new ActionDraft(code, title, "", strategy, owner.id(), "Näringsliv", start,
                LocalDate.parse(deadline), status, status == ActionStatus.IN_PROGRESS ? 40 : 0, null), "test");
    }

    FollowUpService reports() {
        return planbot.followUp().reports();
    }

    /** Starts the draft for {@code year} and marks every section ready with a short text. */
    FollowUpReport readyDraft(int year) {
        reports().startDraft(year, "Karin Öst");
        for (Section section : Section.values()) {
            reports().saveSection(year, section, "Text om " + section.title().toLowerCase(Locale.ROOT) + " " + year + ".",
                    true, "Karin Öst");
        }
        return reports().require(year);
    }

    /** Starts the web server (port 0); {@link #get} then asks it. */
    FollowUpStory started() {
        planbot.start();
        return this;
    }

    java.net.http.HttpResponse<byte[]> get(String path) {
        try {
            return HTTP.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + planbot.port() + path)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String page(String path) {
        return new String(get(path).body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        planbot.close();
    }
}
