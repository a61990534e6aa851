package se.planbot.dialogs;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.planbot.reminders.DigestSection;

/**
 * The coordinator's digest lists the published dialogs of the coming two weeks, with how many
 * have registered: the digest's {@code dialogs} key, read by the mail templates and by Slack.
 */
public final class DialogDigest implements DigestSection {

    private static final int DAYS_AHEAD = 14;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final DialogStore store = new DialogStore();
    private final String baseUrl;
    private final ZoneId zone;

    public DialogDigest(String baseUrl, ZoneId zone) {
        this.baseUrl = baseUrl;
        this.zone = zone;
    }

    @Override
    public String key() {
        return "dialogs";
    }

    @Override
    public List<Map<String, Object>> items(Connection connection, ZonedDateTime since, ZonedDateTime until)
            throws SQLException {
        var last = until.plusDays(DAYS_AHEAD).toInstant();
        return store.list(connection, List.of(DialogState.PUBLISHED), until.toInstant()).stream()
                .filter(dialog -> dialog.startsAt().isAfter(until.toInstant()) && dialog.startsAt().isBefore(last))
                .map(dialog -> {
                    var item = new LinkedHashMap<String, Object>();
                    item.put("id", dialog.id());
                    item.put("title", dialog.title());
                    item.put("start", LOCAL.format(dialog.startsAt().atZone(zone)));
                    item.put("place", dialog.place() == null || dialog.place().isBlank()
                            ? (dialog.onlineUrl() == null ? "" : dialog.onlineUrl()) : dialog.place());
                    item.put("url", baseUrl + "/dialogs/" + dialog.id());
                    item.put("registered", dialog.registered());
                    item.put("capacity", dialog.capacity());
                    return (Map<String, Object>) item;
                })
                .toList();
    }
}
