package se.planbot.dialogs;

import java.time.Instant;
import java.util.List;

/**
 * A dialog (meeting or workshop with local businesses). {@code uid} is the calendar UID for its
 * whole life; {@code sequence} rises with each change of time or place that invitees were told of.
 * {@code capacity} null means no limit; {@code registered} counts confirmed seats.
 */
public record Dialog(
        long id,
        String uid,
        String title,
        String theme,
        String description,
        Instant startsAt,
        Instant endsAt,
        String place,
        String onlineUrl,
        Integer capacity,
        DialogState state,
        int sequence,
        List<Integer> strategies,
        int registered,
        Instant updatedAt) {

    public boolean isFull() {
        return capacity != null && registered >= capacity;
    }

    public Integer seatsLeft() {
        return capacity == null ? null : Math.max(0, capacity - registered);
    }
}
