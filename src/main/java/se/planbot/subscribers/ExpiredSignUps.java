package se.planbot.subscribers;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.util.List;
import se.planbot.db.Jdbc;
import se.planbot.reminders.SweepTask;
import se.planbot.reminders.WorkingDays;

/**
 * Forgets sign-ups nobody confirmed: once a pending subscriber's last confirmation link has
 * expired (7 days), everything about the address goes, as the confirmation mail and
 * /personuppgifter say. Runs with every reminder sweep; it queues no message.
 */
public final class ExpiredSignUps implements SweepTask {

    private final PersonalDataService personalData;

    public ExpiredSignUps(PersonalDataService personalData) {
        this.personalData = personalData;
    }

    @Override
    public int runAsOf(Connection connection, ZonedDateTime now, WorkingDays workingDays) throws SQLException {
        List<String> expired = Jdbc.list(connection, """
                select s.email from subscribers s
                where s.status = 'pending'
                  and not exists (select 1 from subscriber_tokens t
                                  where t.subscriber_id = s.id and t.purpose = 'confirm'
                                    and (t.expires_at is null or t.expires_at > ?))
                """, row -> row.getString("email"), now.toInstant());
        for (String address : expired) {
            personalData.erase(connection, address);
        }
        return 0;
    }
}
