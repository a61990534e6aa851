package se.planbot.plan;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.regex.Pattern;
import se.planbot.problem.Errors;

/** What a valid action and a valid person are; every mistake named by its field, in Swedish. */
final class PlanRules {

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-zÅÄÖåäö][0-9A-Za-zÅÄÖåäö.\\-_]{0,19}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern SLACK_USER = Pattern.compile("[UW][A-Z0-9]{2,20}");

    private final PlanStore store;

    PlanRules(PlanStore store) {
        this.store = store;
    }

    void check(Connection connection, ActionDraft draft, Action current) throws SQLException {
        var errors = new Errors();
        if (draft.code() == null || draft.code().isBlank()) {
            errors.add("code", "kod saknas (t.ex. 2.3)");
        } else if (!CODE.matcher(draft.code()).matches()) {
            errors.add("code", "koden '" + draft.code() + "' får bara innehålla bokstäver, siffror och . - _ (högst 20 tecken)");
        } else {
            var holder = store.actionByCode(connection, draft.code());
            if (holder.isPresent() && (current == null || holder.get().id() != current.id())) {
                errors.add("code", "koden '" + draft.code() + "' används redan av åtgärd " + holder.get().id());
            }
        }
        if (draft.title() == null || draft.title().isBlank()) {
            errors.add("title", "titel saknas");
        } else if (draft.title().length() > 300) {
            errors.add("title", "titeln är för lång (högst 300 tecken)");
        } else if (hasLineBreak(draft.title())) {
            // Titles go into mail subjects, Slack lists and one-line answers.
            errors.add("title", "titeln ska vara en rad (utan radbrytning)");
        }
        if (draft.department() != null && hasLineBreak(draft.department())) {
            errors.add("department", "förvaltningen ska vara en rad (utan radbrytning)");
        }
        if (draft.description() != null && draft.description().length() > 10_000) {
            errors.add("description", "beskrivningen är för lång (högst 10 000 tecken)");
        }
        if (draft.strategyId() == null) {
            errors.add("strategy", "strategi saknas (ett nummer, t.ex. 2)");
        } else if (store.strategies(connection).stream().noneMatch(s -> s.id() == draft.strategyId())) {
            errors.add("strategy", "strategi " + draft.strategyId() + " finns inte");
        }
        if (draft.ownerId() != null && store.person(connection, draft.ownerId()).isEmpty()) {
            errors.add("ownerId", "person " + draft.ownerId() + " finns inte");
        }
        if (draft.startDate() != null && draft.deadline() != null && draft.deadline().isBefore(draft.startDate())) {
            errors.add("deadline", "klart senast (" + draft.deadline() + ") är före start (" + draft.startDate() + ")");
        }
        if (draft.progress() != null && (draft.progress() < 0 || draft.progress() > 100)) {
            errors.add("progress", "framsteg ska vara 0–100 procent, inte " + draft.progress());
        }
        errors.throwIfAny();
    }

    private static boolean hasLineBreak(String text) {
        return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    }

    PersonDraft checkPerson(Connection connection, PersonDraft draft, Long existingId) throws SQLException {
        var errors = new Errors();
        String name = draft.name() == null ? "" : draft.name().trim();
        String email = draft.email() == null || draft.email().isBlank() ? null : draft.email().trim();
        String slack = draft.slackUserId() == null || draft.slackUserId().isBlank() ? null : draft.slackUserId().trim();
        if (name.isEmpty()) {
            errors.add("name", "namn saknas");
        } else if (name.length() > 200 || name.contains("\n") || name.contains("\r")) {
            errors.add("name", "namnet ska vara en rad på högst 200 tecken");
        }
        if (email != null) {
            if (!EMAIL.matcher(email).matches() || email.length() > 254) {
                errors.add("email", "'" + email + "' är ingen e-postadress");
            } else {
                var holder = store.personByEmail(connection, email);
                if (holder.isPresent() && !Objects.equals(holder.get().id(), existingId)) {
                    errors.add("email", "e-postadressen används redan av " + holder.get().name());
                }
            }
        }
        if (slack != null) {
            if (!SLACK_USER.matcher(slack).matches()) {
                errors.add("slackUserId", "'" + slack + "' är inget Slack-användar-id (t.ex. U012AB3CD)");
            } else {
                var holder = store.personBySlackUserId(connection, slack);
                if (holder.isPresent() && !Objects.equals(holder.get().id(), existingId)) {
                    errors.add("slackUserId", "Slack-id:t används redan av " + holder.get().name());
                }
            }
        }
        errors.throwIfAny();
        return new PersonDraft(name, email, slack, draft.role() == null ? PersonRole.OWNER : draft.role());
    }
}
