package se.planbot.dialogs;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Gives free seats of a published dialog that has not started to the waiting list, first come
 * first served, each with a confirmation mail that says so (calendar file included). Called when a seat is
 * cancelled and when the coordinator raises the capacity.
 */
final class WaitingList {

    private final DialogMails mails;
    private final RegistrationStore registrations;
    private final Clock clock;
    private final DialogStore dialogs = new DialogStore();

    WaitingList(DialogMails mails, RegistrationStore registrations, Clock clock) {
        this.mails = mails;
        this.registrations = registrations;
        this.clock = clock;
    }

    /** Promotes as many waiting registrations as there are free seats; returns how many. */
    int fillFreeSeats(Connection connection, long dialogId) throws SQLException {
        int promoted = 0;
        while (true) {
            Dialog dialog = dialogs.byId(connection, dialogId).orElseThrow();
            if (dialog.state() != DialogState.PUBLISHED || dialog.isFull() || !dialog.startsAt().isAfter(clock.instant())) {
                return promoted;
            }
            List<Registration> waiting = registrations.ofDialog(connection, dialogId, List.of(RegistrationStatus.WAITING));
            if (waiting.isEmpty()) {
                return promoted;
            }
            Registration first = waiting.get(0);
            registrations.setStatus(connection, first.id(), RegistrationStatus.REGISTERED, clock.instant());
            mails.toRegistrant(connection, "registration-confirm", "registration-confirm:" + first.id() + ":promoted",
                    dialogs.byId(connection, dialogId).orElseThrow(), registrations.byId(connection, first.id()).orElseThrow(),
                    Map.of("promoted", true));
            promoted++;
        }
    }
}
