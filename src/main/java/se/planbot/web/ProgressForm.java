package se.planbot.web;

import java.util.ArrayList;
import java.util.Optional;
import se.planbot.plan.Action;
import se.planbot.plan.ActionStatus;
import se.planbot.plan.ProgressUpdate;
import se.planbot.problem.FieldError;
import se.planbot.problem.InvalidInput;

/** A progress form (status, progress, note) read into a progress report for {@code PlanService.recordUpdate}. */
final class ProgressForm {

    private ProgressForm() {
    }

    /**
     * The form always carries status and progress, so a value left as it was is not reported
     * (marking done then also sets progress to 100, the plan's rule); text that is no status or
     * no number is refused field by field.
     */
    static ProgressUpdate report(Action action, String status, String progress, String note) {
        var errors = new ArrayList<FieldError>();
        Optional<ActionStatus> newStatus = ActionStatus.fromCode(status);
        if (newStatus.isEmpty()) {
            errors.add(new FieldError("status", "välj en status i listan"));
        }
        Integer newProgress = progress.matches("\\d{1,3}") ? Integer.valueOf(progress) : null;
        if (newProgress == null) {
            errors.add(new FieldError("progress", "ange framsteg som ett heltal från 0 till 100"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new ProgressUpdate(newStatus.get() == action.status() ? null : newStatus.get(),
                newProgress == action.progress() ? null : newProgress, note.isBlank() ? null : note.strip());
    }
}
