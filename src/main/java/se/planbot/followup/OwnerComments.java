package se.planbot.followup;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.planbot.db.Database;
import se.planbot.db.Jdbc;
import se.planbot.outbox.Channel;
import se.planbot.outbox.Outbox;
import se.planbot.outbox.OutgoingMessage;
import se.planbot.plan.Action;
import se.planbot.plan.ActionFilter;
import se.planbot.plan.ActionStatus;
import se.planbot.plan.Person;
import se.planbot.plan.PlanService;
import se.planbot.problem.Errors;
import se.planbot.problem.InputText;
import se.planbot.problem.InvalidInput;
import se.planbot.signin.OwnerLinks;

/**
 * Owners' comments on their actions for a year's report (V46): the coordinator asks every owner
 * with an address once per year (one mail each through the outbox, with a link that stands for
 * them, {@link OwnerLinks}); an owner writes a short comment per action from that link while the
 * report is a draft; the coordinator reads them beside the draft.
 */
public final class OwnerComments {

    static final String TEMPLATE = "followup-comment";
    public static final int COMMENT_MAX = 1_000;

    /** One action of an owner's, with the comment given so far ("" if none). */
    public record ActionComment(long actionId, String code, String title, String owner, String comment) {
    }

    private final Database database;
    private final PlanService plan;
    private final OwnerLinks links;
    private final Outbox outbox;
    private final Clock clock;
    private final String baseUrl;
    private final FollowUpStore store = new FollowUpStore();

    public OwnerComments(Database database, PlanService plan, OwnerLinks links, Outbox outbox, Clock clock,
            String baseUrl) {
        this.database = database;
        this.plan = plan;
        this.links = links;
        this.outbox = outbox;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Asks each owner of an action that is not cancelled, once per year; returns how many mails were queued. */
    public int askOwners(int year) {
        List<Action> actions = plan.actions(ActionFilter.all()).stream()
                .filter(action -> action.ownerId() != null && action.status() != ActionStatus.CANCELLED).toList();
        return database.write(connection -> {
            requireDraft(connection, year);
            var byOwner = new LinkedHashMap<Long, List<Action>>();
            actions.forEach(action -> byOwner.computeIfAbsent(action.ownerId(), id -> new ArrayList<>()).add(action));
            int queued = 0;
            for (var entry : byOwner.entrySet()) {
                Optional<Person> person = plan.person(entry.getKey());
                if (person.isEmpty() || person.get().email() == null || person.get().email().isBlank()) {
                    continue;
                }
                Optional<String> token = links.issue(connection, person.get().id());
                if (token.isEmpty()) {
                    continue;
                }
                var model = new LinkedHashMap<String, Object>();
                model.put("year", year);
                model.put("url", baseUrl + "/admin/follow-up/" + year + "/comment?token=" + token.get());
                model.put("actions", entry.getValue().stream()
                        .map(action -> Map.of("code", action.code(), "title", action.title())).toList());
                if (outbox.enqueue(connection, new OutgoingMessage(TEMPLATE + ":" + year + ":" + person.get().id(),
                        Channel.EMAIL, person.get().email(), person.get().name(), TEMPLATE, model,
                        java.util.Locale.forLanguageTag("sv")))) {
                    queued++;
                }
            }
            return queued;
        });
    }

    /** The owner's actions (not cancelled) with their comments for {@code year}. */
    public List<ActionComment> forOwner(int year, Person owner) {
        Map<Long, String> comments = comments(year);
        return plan.actions(new ActionFilter(null, null, owner.id(), false, null)).stream()
                .filter(action -> action.status() != ActionStatus.CANCELLED)
                .map(action -> new ActionComment(action.id(), action.code(), action.title(), owner.name(),
                        comments.getOrDefault(action.id(), "")))
                .toList();
    }

    /** Every comment given for {@code year}, in code order. */
    public List<ActionComment> all(int year) {
        Map<Long, String> comments = comments(year);
        return plan.actions(ActionFilter.all()).stream().filter(action -> comments.containsKey(action.id()))
                .map(action -> new ActionComment(action.id(), action.code(), action.title(),
                        action.ownerName() == null ? "" : action.ownerName(), comments.get(action.id())))
                .toList();
    }

    /** Saves the owner's comments by action id; an action not theirs is refused; an empty comment removes it. */
    public void save(int year, Person owner, Map<Long, String> byAction) {
        var mine = forOwner(year, owner).stream().map(ActionComment::actionId).toList();
        var errors = new Errors();
        byAction.forEach((actionId, text) -> {
            if (!mine.contains(actionId)) {
                errors.add("comment-" + actionId, "åtgärden är inte din");
            } else {
                InputText.text(errors, "comment-" + actionId, "kommentaren", text, COMMENT_MAX);
            }
        });
        errors.throwIfAny();
        Instant now = clock.instant();
        database.write(connection -> {
            requireDraft(connection, year);
            for (var entry : byAction.entrySet()) {
                String text = entry.getValue() == null ? "" : entry.getValue().strip();
                Jdbc.update(connection, "delete from followup_comments where year = ? and action_id = ?", year,
                        entry.getKey());
                if (!text.isEmpty()) {
                    Jdbc.update(connection, """
                            insert into followup_comments (year, action_id, person_id, comment, updated_at)
                            values (?, ?, ?, ?, ?)
                            """, year, entry.getKey(), owner.id(), text, now);
                }
            }
            return null;
        });
    }

    /** True while the year's report is a draft (comments can be given). */
    public boolean open(int year) {
        return database.read(connection -> store.byYear(connection, year)).map(report -> !report.isPublished())
                .orElse(false);
    }

    private Map<Long, String> comments(int year) {
        var comments = new LinkedHashMap<Long, String>();
        database.read(connection -> Jdbc.list(connection,
                "select action_id, comment from followup_comments where year = ?",
                row -> comments.put(row.getLong("action_id"), row.getString("comment")), year));
        return comments;
    }

    private void requireDraft(Connection connection, int year) throws SQLException {
        FollowUpReport report = store.byYear(connection, year)
                .orElseThrow(() -> new InvalidInput("year", "det finns ingen uppföljning för " + year));
        if (report.isPublished()) {
            throw new InvalidInput("year", "uppföljningen för " + year + " är publicerad; kommentarer tas inte emot längre");
        }
    }
}
