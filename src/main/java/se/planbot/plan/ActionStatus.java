package se.planbot.plan;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/** Where an action stands. "Overdue" is not a status: it is derived from the deadline. */
public enum ActionStatus {
    PLANNED("planned", "Planerad", "Planned"),
    IN_PROGRESS("in_progress", "Pågår", "In progress"),
    DONE("done", "Klar", "Done"),
    CANCELLED("cancelled", "Avbruten", "Cancelled");

    private final String code;
    private final String swedish;
    private final String english;

    ActionStatus(String code, String swedish, String english) {
        this.code = code;
        this.swedish = swedish;
        this.english = english;
    }

    /** The code used in the API and the database: {@code planned|in_progress|done|cancelled}. */
    public String code() {
        return code;
    }

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? english : swedish;
    }

    public boolean isOpen() {
        return this == PLANNED || this == IN_PROGRESS;
    }

    /** Strictly the API code. */
    public static Optional<ActionStatus> fromCode(String code) {
        for (ActionStatus status : values()) {
            if (status.code.equals(code)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** What people write in a spreadsheet or in Slack: the code, or a Swedish or English word. */
    public static Optional<ActionStatus> fromWord(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String folded = Normalizer.normalize(word.trim().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace(' ', '_').replace('-', '_');
        return switch (folded) {
            case "planned", "planerad", "planerat", "ej_paborjad", "ej_startad", "inte_startad", "" -> Optional.of(PLANNED);
            case "in_progress", "pagar", "pagaende", "paborjad", "startad" -> Optional.of(IN_PROGRESS);
            case "done", "klar", "klart", "genomford", "avslutad", "fardig" -> Optional.of(DONE);
            case "cancelled", "canceled", "avbruten", "avbrutet", "struken", "installd" -> Optional.of(CANCELLED);
            default -> Optional.empty();
        };
    }
}
