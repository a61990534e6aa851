package se.planbot.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import se.planbot.plan.Action;
import se.planbot.plan.ActionStatus;
import se.planbot.plan.Person;
import se.planbot.plan.PlanService;
import se.planbot.plan.ProgressUpdate;
import se.planbot.problem.FieldError;
import se.planbot.problem.InvalidInput;

/**
 * Updating an action from Slack. Who may: the action's owner and anyone with role coordinator
 * in the people table (Planbot's "admin" in Slack), found by their Slack user id. Checked when
 * the modal is asked for and again on submit (a submission can be forged); a refusal changes nothing.
 */
final class UpdateFlow {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Carried through the modal in private_metadata. */
    record Metadata(long actionId, String responseUrl) {
    }

    /** The outcome of a submission: field errors to show in the modal, or the updated action. */
    record Result(Map<String, String> errors, Optional<Action> updated, String actor) {
    }

    private final PlanService plan;
    private final Texts texts;
    private final UpdateModal modal;

    UpdateFlow(PlanService plan, Texts texts) {
        this.plan = plan;
        this.texts = texts;
        this.modal = new UpdateModal(texts);
    }

    /** The modal to open for {@code slackUserId}: the form, or a refusal. */
    View viewFor(String slackUserId, String actionId, String responseUrl) {
        Optional<Action> action = actionId.matches("\\d{1,12}") ? plan.action(Long.parseLong(actionId)) : Optional.empty();
        if (action.isEmpty()) {
            return modal.refusal(texts.get("modal.error.gone"));
        }
        Optional<String> refusal = refusal(slackUserId, action.get());
        if (refusal.isPresent()) {
            return modal.refusal(refusal.get());
        }
        return modal.form(action.get(), metadata(new Metadata(action.get().id(), responseUrl)));
    }

    Result submit(String slackUserId, View view) {
        Metadata metadata = metadata(view.getPrivateMetadata());
        Optional<Action> action = plan.action(metadata.actionId());
        if (action.isEmpty()) {
            return errors(Map.of(UpdateModal.STATUS, texts.get("modal.error.gone")));
        }
        Optional<String> refusal = refusal(slackUserId, action.get());
        if (refusal.isPresent()) {
            return errors(Map.of(UpdateModal.STATUS, ActionText.clip(refusal.get(), 2000)));
        }
        var values = view.getState() == null ? Map.<String, Map<String, ViewState.Value>>of() : view.getState().getValues();
        var errors = new LinkedHashMap<String, String>();
        ActionStatus status = value(values, UpdateModal.STATUS)
                .flatMap(ActionStatus::fromCode).orElse(action.get().status());
        String progressText = value(values, UpdateModal.PROGRESS).orElse("").strip().replace("%", "").strip();
        Integer progress = null;
        if (!progressText.matches("\\d{1,3}") || Integer.parseInt(progressText) > 100) {
            errors.put(UpdateModal.PROGRESS, texts.get("modal.error.progress"));
        } else {
            progress = Integer.parseInt(progressText);
        }
        String note = value(values, UpdateModal.NOTE).orElse("").strip();
        if (note.length() > UpdateModal.NOTE_MAX) {
            errors.put(UpdateModal.NOTE, texts.get("modal.error.note-length"));
        }
        if (errors.isEmpty() && status == action.get().status() && progress == action.get().progress()
                && note.isEmpty()) {
            errors.put(UpdateModal.NOTE, texts.get("modal.error.nothing"));
        }
        if (!errors.isEmpty()) {
            return errors(errors);
        }
        Person person = plan.personBySlackUserId(slackUserId).orElseThrow();
        String actor = person.name() + " (Slack " + slackUserId + ")";
        try {
            // The plan decides what marking it done means for its progress.
            Action updated = plan.recordUpdate(action.get().id(),
                    new ProgressUpdate(status, progress, note, notePublic(values)), actor);
            return new Result(Map.of(), Optional.of(updated), actor);
        } catch (InvalidInput invalid) {
            var fieldErrors = new LinkedHashMap<String, String>();
            for (FieldError error : invalid.errors()) {
                String block = error.field().equals(UpdateModal.PROGRESS) || error.field().equals(UpdateModal.NOTE)
                        ? error.field() : UpdateModal.STATUS;
                fieldErrors.merge(block, error.message(), (a, b) -> a + "; " + b);
            }
            return errors(fieldErrors);
        }
    }

    Optional<String> responseUrl(View view) {
        String url = metadata(view.getPrivateMetadata()).responseUrl();
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(url);
    }

    /** Why {@code slackUserId} may not update {@code action}; empty when they may. */
    Optional<String> refusal(String slackUserId, Action action) {
        Optional<Person> person = plan.personBySlackUserId(slackUserId);
        if (person.isEmpty()) {
            return Optional.of(texts.get("refusal.not-linked"));
        }
        if (plan.mayUpdate(person.get(), action)) {
            return Optional.empty();
        }
        String ownerName = action.ownerName() == null ? texts.get("no-owner") : action.ownerName();
        return Optional.of(texts.get("refusal.not-owner", ownerName, action.code()));
    }

    private static Result errors(Map<String, String> errors) {
        return new Result(Map.copyOf(errors), Optional.empty(), "");
    }

    /** Whether the "public note" box was ticked; unticked (or absent) means an internal note. */
    private static boolean notePublic(Map<String, Map<String, ViewState.Value>> values) {
        var inBlock = values.get(UpdateModal.NOTE_PUBLIC);
        ViewState.Value value = inBlock == null ? null : inBlock.get(UpdateModal.NOTE_PUBLIC);
        return value != null && value.getSelectedOptions() != null
                && value.getSelectedOptions().stream().anyMatch(option -> "public".equals(option.getValue()));
    }

    private static Optional<String> value(Map<String, Map<String, ViewState.Value>> values, String block) {
        var inBlock = values.get(block);
        ViewState.Value value = inBlock == null ? null : inBlock.get(block);
        if (value == null) {
            return Optional.empty();
        }
        if (value.getSelectedOption() != null) {
            return Optional.ofNullable(value.getSelectedOption().getValue());
        }
        return Optional.ofNullable(value.getValue());
    }

    private static String metadata(Metadata metadata) {
        try {
            return JSON.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metadata is always JSON", e);
        }
    }

    private static Metadata metadata(String text) {
        try {
            return JSON.readValue(text == null || text.isBlank() ? "{}" : text, Metadata.class);
        } catch (JsonProcessingException e) {
            return new Metadata(0, "");
        }
    }
}
