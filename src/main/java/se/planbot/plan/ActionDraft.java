package se.planbot.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import se.planbot.problem.FieldError;

/**
 * The fields of an action as given by a person, before they are checked. For a new action
 * every field counts; as a patch, null means "leave as it is".
 */
public record ActionDraft(
        String code,
        String title,
        String description,
        Integer strategyId,
        Long ownerId,
        String department,
        LocalDate startDate,
        LocalDate deadline,
        ActionStatus status,
        Integer progress,
        String origin) {

    /** A patch that changes nothing (fields to empty are given apart, see {@link #without}). */
    public static final ActionDraft EMPTY = new ActionDraft(null, null, null, null, null, null, null, null, null, null, null);

    /** This patch laid over {@code current}: each field given here wins. */
    public ActionDraft over(Action current) {
        return new ActionDraft(
                code != null ? code : current.code(),
                title != null ? title : current.title(),
                description != null ? description : current.description(),
                strategyId != null ? strategyId : current.strategyId(),
                ownerId != null ? ownerId : current.ownerId(),
                department != null ? department : current.department(),
                startDate != null ? startDate : current.startDate(),
                deadline != null ? deadline : current.deadline(),
                status != null ? status : current.status(),
                progress != null ? progress : current.progress(),
                origin != null ? origin : current.origin());
    }


    /** Fields that may be emptied by a PATCH with {@code null}; the others are required. */
    public static final Set<String> CLEARABLE = Set.of("description", "ownerId", "department", "startDate", "deadline");

    /** One error for each field in {@code cleared} that may not be emptied. */
    public static List<FieldError> unclearable(Set<String> cleared) {
        String allowed = String.join(", ", CLEARABLE.stream().sorted().toList());
        return cleared.stream().filter(field -> !CLEARABLE.contains(field)).sorted()
                .map(field -> new FieldError(field, "kan inte tömmas; bara " + allowed + " kan sättas till null"))
                .toList();
    }

    /** This draft with the given {@link #CLEARABLE} fields emptied. */
    public ActionDraft without(Set<String> cleared) {
        return new ActionDraft(code, title,
                cleared.contains("description") ? "" : description,
                strategyId,
                cleared.contains("ownerId") ? null : ownerId,
                cleared.contains("department") ? "" : department,
                cleared.contains("startDate") ? null : startDate,
                cleared.contains("deadline") ? null : deadline,
                status, progress, origin);
    }
}
