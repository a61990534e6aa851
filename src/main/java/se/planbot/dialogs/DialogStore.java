package se.planbot.dialogs;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.planbot.db.Jdbc;

/** The dialogs' tables: dialogs, the strategies they concern, and who was invited. */
final class DialogStore {

    private static final String SELECT = """
            select d.*, (select count(*) from registrations r
                         where r.dialog_id = d.id and r.status = 'registered') as registered
            from dialogs d
            """;

    Optional<Dialog> byId(Connection connection, long id) throws SQLException {
        var found = Jdbc.one(connection, SELECT + " where d.id = ?", DialogStore::row, id);
        return found.isEmpty() ? found : Optional.of(withStrategies(connection, found.get()));
    }

    /** Dialogs in the given states that end after {@code from}, soonest first. */
    List<Dialog> list(Connection connection, List<DialogState> states, Instant from) throws SQLException {
        var result = new ArrayList<Dialog>();
        for (Dialog dialog : Jdbc.list(connection, SELECT + " where d.ends_at >= ? order by d.starts_at, d.id",
                DialogStore::row, from)) {
            if (states.contains(dialog.state())) {
                result.add(withStrategies(connection, dialog));
            }
        }
        return result;
    }

    long insert(Connection connection, String uid, Dialog values, Instant now) throws SQLException {
        long id = Jdbc.insert(connection, """
                insert into dialogs (uid, title, theme, description, starts_at, ends_at, place, online_url,
                                     capacity, state, sequence, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', 0, ?, ?)
                """, uid, values.title(), values.theme(), values.description(), values.startsAt(), values.endsAt(),
                values.place(), values.onlineUrl(), values.capacity(), now, now);
        replaceStrategies(connection, id, values.strategies());
        return id;
    }

    void update(Connection connection, Dialog values, Instant now) throws SQLException {
        Jdbc.update(connection, """
                update dialogs set title = ?, theme = ?, description = ?, starts_at = ?, ends_at = ?, place = ?,
                                   online_url = ?, capacity = ?, sequence = ?, updated_at = ?
                where id = ?
                """, values.title(), values.theme(), values.description(), values.startsAt(), values.endsAt(),
                values.place(), values.onlineUrl(), values.capacity(), values.sequence(), now, values.id());
        replaceStrategies(connection, values.id(), values.strategies());
    }

    void setState(Connection connection, long id, DialogState state, int sequence, Instant now) throws SQLException {
        String column = state == DialogState.CANCELLED ? "cancelled_at" : "published_at";
        Jdbc.update(connection, "update dialogs set state = ?, sequence = ?, updated_at = ?, " + column + " = ? where id = ?",
                state.code(), sequence, now, now, id);
    }

    /** Records an invitation; false when this subscriber was already invited to this dialog. */
    boolean invite(Connection connection, long dialogId, long subscriberId, Instant now) throws SQLException {
        return Jdbc.update(connection, """
                insert into dialog_invitations (dialog_id, subscriber_id, invited_at) values (?, ?, ?)
                on conflict do nothing
                """, dialogId, subscriberId, now) == 1;
    }

    List<Long> invited(Connection connection, long dialogId) throws SQLException {
        return Jdbc.list(connection, "select subscriber_id from dialog_invitations where dialog_id = ? order by subscriber_id",
                rows -> rows.getLong(1), dialogId);
    }

    private void replaceStrategies(Connection connection, long id, List<Integer> strategies) throws SQLException {
        Jdbc.update(connection, "delete from dialog_strategies where dialog_id = ?", id);
        for (int strategy : strategies) {
            Jdbc.update(connection, "insert into dialog_strategies (dialog_id, strategy_id) values (?, ?)", id, strategy);
        }
    }

    private Dialog withStrategies(Connection connection, Dialog d) throws SQLException {
        List<Integer> strategies = Jdbc.list(connection,
                "select strategy_id from dialog_strategies where dialog_id = ? order by strategy_id",
                rows -> rows.getInt(1), d.id());
        return new Dialog(d.id(), d.uid(), d.title(), d.theme(), d.description(), d.startsAt(), d.endsAt(), d.place(),
                d.onlineUrl(), d.capacity(), d.state(), d.sequence(), List.copyOf(strategies), d.registered(), d.updatedAt());
    }

    private static Dialog row(ResultSet rows) throws SQLException {
        return new Dialog(rows.getLong("id"), rows.getString("uid"), rows.getString("title"), rows.getString("theme"),
                rows.getString("description"), Jdbc.instant(rows, "starts_at"), Jdbc.instant(rows, "ends_at"),
                rows.getString("place"), rows.getString("online_url"), Jdbc.nullableLong(rows, "capacity") == null
                        ? null : rows.getInt("capacity"),
                DialogState.of(rows.getString("state")), rows.getInt("sequence"), List.of(), rows.getInt("registered"),
                Jdbc.instant(rows, "updated_at"));
    }
}
