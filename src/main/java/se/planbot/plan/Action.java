package se.planbot.plan;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One action (åtgärd) of the plan. {@code ownerId}, dates and owner fields may be null.
 * Overdue is derived: deadline passed and the action neither done nor cancelled.
 */
public record Action(
        long id,
        String code,
        String title,
        String description,
        int strategyId,
        Long ownerId,
        String ownerName,
        String ownerEmail,
        String ownerSlackUserId,
        String department,
        LocalDate startDate,
        LocalDate deadline,
        ActionStatus status,
        int progress,
        String origin,
        Instant createdAt,
        Instant updatedAt) {

    public boolean isOverdue(LocalDate today) {
        return deadline != null && deadline.isBefore(today) && status.isOpen();
    }
}
