package se.planbot.dialogs;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.planbot.subscribers.Subscriber;
import se.planbot.subscribers.WelcomeDialogs;

/**
 * For the welcome mail: published dialogs not yet started whose strategies meet the subscriber's
 * (a dialog without strategies is for everyone), soonest first, each recorded as an invitation.
 */
final class DialogWelcome implements WelcomeDialogs {

    private final DialogStore store;
    private final DialogTexts texts;
    private final Clock clock;

    DialogWelcome(DialogStore store, DialogTexts texts, Clock clock) {
        this.store = store;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public List<Map<String, Object>> offer(Connection connection, Subscriber subscriber) throws SQLException {
        Instant now = clock.instant();
        var coming = new ArrayList<Map<String, Object>>();
        for (Dialog dialog : store.list(connection, List.of(DialogState.PUBLISHED), now)) {
            boolean meets = dialog.strategies().isEmpty() || subscriber.topics().stream().anyMatch(dialog.strategies()::contains);
            if (dialog.startsAt().isAfter(now) && meets) {
                store.invite(connection, dialog.id(), subscriber.id(), now);
                coming.add(texts.model(dialog, subscriber.locale()));
            }
        }
        return coming;
    }
}
