package se.planbot.subscribers;

import java.sql.Connection;
import java.sql.SQLException;
import se.planbot.outbox.OutboxPersonalData;

/** The outbox as a holder of personal data: the messages sent to an address are part of what we hold. */
public final class OutboxHolder implements PersonalDataHolder {

    private final OutboxPersonalData outbox;

    public OutboxHolder(OutboxPersonalData outbox) {
        this.outbox = outbox;
    }

    @Override
    public String name() {
        return "messages";
    }

    @Override
    public Object export(Connection connection, String email) throws SQLException {
        return outbox.messagesTo(connection, email);
    }

    @Override
    public int erase(Connection connection, String email) throws SQLException {
        return outbox.erase(connection, email);
    }
}
