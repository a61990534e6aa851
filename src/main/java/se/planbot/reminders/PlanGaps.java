package se.planbot.reminders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.planbot.plan.Action;

/**
 * What reminders cannot cover, said in {@code remind}'s output and the digest instead of only a
 * log line: owners nobody can reach (no e-mail, and no Slack id that reminders use), and open
 * actions without an owner or without a deadline.
 */
public record PlanGaps(List<Unreachable> unreachable, List<Action> withoutOwner, List<Action> withoutDeadline) {

    /** An owner who cannot be reminded, with the codes of their open actions. */
    public record Unreachable(String name, List<String> codes) {
    }

    public static final PlanGaps NONE = new PlanGaps(List.of(), List.of(), List.of());

    static PlanGaps of(List<Action> actions, ReminderSettings settings) {
        var unreachable = new LinkedHashMap<Long, Unreachable>();
        var withoutOwner = new ArrayList<Action>();
        var withoutDeadline = new ArrayList<Action>();
        for (Action action : actions) {
            if (!action.status().isOpen()) {
                continue;
            }
            if (action.ownerId() == null) {
                withoutOwner.add(action);
            } else if (!reachable(action, settings)) {
                unreachable.computeIfAbsent(action.ownerId(), id -> new Unreachable(action.ownerName(), new ArrayList<>()))
                        .codes().add(action.code());
            }
            if (action.deadline() == null) {
                withoutDeadline.add(action);
            }
        }
        return new PlanGaps(unreachable.values().stream().map(u -> new Unreachable(u.name(), List.copyOf(u.codes()))).toList(),
                List.copyOf(withoutOwner), List.copyOf(withoutDeadline));
    }

    /** The same choice as {@link OwnerReminders}: Slack when reminders go there and the owner has an id, else e-mail. */
    private static boolean reachable(Action action, ReminderSettings settings) {
        boolean slack = settings.slackDirect() && settings.slackEnabled()
                && action.ownerSlackUserId() != null && !action.ownerSlackUserId().isBlank();
        return slack || (action.ownerEmail() != null && !action.ownerEmail().isBlank());
    }

    public boolean isEmpty() {
        return unreachable.isEmpty() && withoutOwner.isEmpty() && withoutDeadline.isEmpty();
    }

    /** The gaps as the digest templates read them. */
    Map<String, Object> model(String baseUrl) {
        var model = new LinkedHashMap<String, Object>();
        model.put("unreachable", unreachable.stream().map(u -> Map.of("name", u.name(), "codes", String.join(", ", u.codes())))
                .toList());
        model.put("withoutOwner", withoutOwner.stream().map(action -> item(action, baseUrl)).toList());
        model.put("withoutDeadline", withoutDeadline.stream().map(action -> item(action, baseUrl)).toList());
        return model;
    }

    private static Map<String, Object> item(Action action, String baseUrl) {
        return Map.of("code", action.code(), "title", action.title(), "url", baseUrl + "/plan/actions/" + action.id());
    }
}
