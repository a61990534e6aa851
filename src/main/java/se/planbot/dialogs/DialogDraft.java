package se.planbot.dialogs;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A dialog as the coordinator writes it; times are local (Europe/Stockholm). On update a null
 * field means "unchanged"; an empty text clears place or link.
 */
public record DialogDraft(
        String title,
        String theme,
        String description,
        LocalDateTime start,
        LocalDateTime end,
        String place,
        String onlineUrl,
        Integer capacity,
        List<Integer> strategies) {
}
