package se.planbot.plan;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.regex.Pattern;
import se.planbot.problem.Errors;
import se.planbot.problem.InputText;

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
        } else {
            // Titles go into mail subjects, Slack lists and one-line answers.
            InputText.line(errors, "title", "titeln", draft.title(), 300);
        }
        InputText.line(errors, "department", "förvaltningen", draft.department(), 200);
        InputText.text(errors, "description", "beskrivningen", draft.description(), 10_000);
        InputText.line(errors, "origin", "ursprunget", draft.origin(), 100);
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
        if (draft.status() == ActionStatus.DONE && draft.progress() != null && draft.progress() != 100
                && !errors.has("progress") && changesStatusOrProgress(draft, current)) {
            errors.add("progress", "en klar åtgärd har framsteg 100, inte " + draft.progress()
                    + "; ange 100 (eller inget framsteg) eller en annan status än klar");
        }
        errors.throwIfAny();
    }

    /** An action stored done with less than 100 before this rule is not refused for an unrelated change. */
    private static boolean changesStatusOrProgress(ActionDraft draft, Action current) {
        return current == null || current.status() != draft.status() || !Objects.equals(current.progress(), draft.progress());
    }

    PersonDraft checkPerson(Connection connection, PersonDraft draft, Long existingId) throws SQLException {
        var errors = new Errors();
        String name = draft.name() == null ? "" : draft.name().trim();
        String email = draft.email() == null || draft.email().isBlank() ? null : draft.email().trim();
        String slack = draft.slackUserId() == null || draft.slackUserId().isBlank() ? null : draft.slackUserId().trim();
        if (name.isEmpty()) {
            errors.add("name", "namn saknas");
        } else {
            InputText.line(errors, "name", "namnet", name, 200);
        }
        if (email != null) {
            var problem = InputText.lineProblem("e-postadressen", email, 254);
            if (problem.isPresent()) {
                errors.add("email", problem.get());
            } else if (!EMAIL.matcher(email).matches()) {
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
