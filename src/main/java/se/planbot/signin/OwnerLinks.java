package se.planbot.signin;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import se.planbot.db.Database;
import se.planbot.db.Jdbc;
import se.planbot.plan.Person;
import se.planbot.plan.PlanService;
import se.planbot.reminders.UpdateLinks;

/**
 * The links in reminder mails that let an owner update their own actions in two clicks: the
 * link opens the form, the button saves. A link stands for its person only, for 14 days; only
 * its hash is stored (V21). It ends early when the person's role changes or they are removed.
 */
public final class OwnerLinks implements UpdateLinks {

    public static final Duration LIFETIME = Duration.ofDays(14);

    private final Database database;
    private final PlanService plan;
    private final Clock clock;

    public OwnerLinks(Database database, PlanService plan, Clock clock) {
        this.database = database;
        this.plan = plan;
        this.clock = clock;
    }

    @Override
    public Optional<String> issue(Connection connection, long personId) throws SQLException {
        Instant now = clock.instant();
        Jdbc.update(connection, "delete from owner_links where expires_at <= ?", now.toEpochMilli());
        var token = SecretToken.issue();
        Jdbc.update(connection, "insert into owner_links (token_hash, person_id, created_at, expires_at) values (?, ?, ?, ?)",
                token.hash(), personId, now.toEpochMilli(), now.plus(LIFETIME).toEpochMilli());
        return Optional.of(token.plain());
    }

    /** The person a link from a mail stands for, while it is valid. */
    public Optional<Person> person(String token) {
        Optional<Long> personId = database.read(connection -> Jdbc.one(connection,
                "select person_id from owner_links where token_hash = ? and expires_at > ?",
                row -> row.getLong(1), SecretToken.hash(token), clock.instant().toEpochMilli()));
        return personId.flatMap(plan::person);
    }
}
