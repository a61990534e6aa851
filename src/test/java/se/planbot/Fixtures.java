package se.planbot;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.planbot.config.Config;
import se.planbot.db.Jdbc;
import se.planbot.outbox.QueuedMessage;
import se.planbot.plan.Action;
import se.planbot.plan.ActionDraft;
import se.planbot.plan.ActionStatus;
import se.planbot.plan.Person;
import se.planbot.plan.PersonDraft;
import se.planbot.plan.PersonRole;

/** A real Planbot on a SQLite file in a temp folder, and a few plan fixtures for reminder tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /** Configuration over a temp folder: database, .eml files; templates from the project's templates/. */
    public static Config config(Path folder, Map<String, String> overrides) {
        var values = new HashMap<String, String>();
        values.putAll(TestDatabase.settings(folder, "planbot.db"));
        values.put("mail.file-dir", folder.resolve("mail").toString());
        values.put("templates.dir", Path.of("templates").toAbsolutePath().toString());
        values.put("http.port", "0");
        values.put("public.base-url", "https://planbot.alingsas.se");
        values.putAll(overrides);
        return Config.of(values);
    }

    public static Planbot planbot(Path folder, Clock clock, Map<String, String> overrides) {
        Planbot planbot = new Planbot(config(folder, overrides), clock);
        planbot.database().write(connection -> Jdbc.update(connection,
                "insert into strategies (id, title) values (1, 'Service och bemötande') on conflict do nothing"));
        return planbot;
    }

    public static Person person(Planbot planbot, String name, String email, String slack, PersonRole role) {
        return planbot.plan().createPerson(new PersonDraft(name, email, slack, role));
    }

    public static Action action(Planbot planbot, String code, Person owner, String deadline) {
        return planbot.plan().createAction(new ActionDraft(code, "Åtgärd " + code + ": Ökad samverkan", "", 1,
                owner == null ? null : owner.id(), "Kommunledningskontoret", null, LocalDate.parse(deadline),
                ActionStatus.IN_PROGRESS, 30, null), "test");
    }

    public static Action setDeadline(Planbot planbot, Action action, String deadline) {
        return planbot.plan().patchAction(action.id(), new ActionDraft(null, null, null, null, null, null, null,
                LocalDate.parse(deadline), null, null, null), "Ny deadline", "test");
    }

    public static Action setStatus(Planbot planbot, Action action, ActionStatus status) {
        return planbot.plan().patchAction(action.id(), new ActionDraft(null, null, null, null, null, null, null,
                null, status, null, null), null, "test");
    }

    /** The items' action ids of a reminder message. */
    @SuppressWarnings("unchecked")
    public static List<Object> itemIds(QueuedMessage message, String list) {
        return ((List<Map<String, Object>>) message.model().get(list)).stream().map(item -> item.get("actionId")).toList();
    }
}
