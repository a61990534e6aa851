package se.planbot.subscribers;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.planbot.db.Database;
import se.planbot.plan.PlanService;
import se.planbot.plan.Strategy;

/**
 * The GDPR rights by email address: export everything held (subscription, consent records, and
 * every {@link PersonalDataHolder}'s part) and erase it all in one transaction. A person reaches
 * them through the manage link in any mail; the coordinator through the API.
 */
public final class PersonalDataService {

    private final Database database;
    private final SubscriberService subscribers;
    private final PlanService plan;
    private final Clock clock;
    private final List<PersonalDataHolder> holders;

    public PersonalDataService(Database database, SubscriberService subscribers, PlanService plan, Clock clock,
            List<PersonalDataHolder> holders) {
        this.database = database;
        this.subscribers = subscribers;
        this.plan = plan;
        this.clock = clock;
        this.holders = List.copyOf(holders);
    }

    /** Everything held about the person a manage link belongs to. */
    public Optional<Map<String, Object>> exportFor(String token) {
        return subscribers.forLink(token).map(subscriber -> export(subscriber.email()));
    }

    /** Everything held about {@code email}: subscription, consent records, and every holder's data. */
    public Map<String, Object> export(String email) {
        String address = SubscriberService.checkEmail(email);
        List<Strategy> strategies = plan.strategies();
        return database.read(connection -> {
            var data = new LinkedHashMap<String, Object>();
            data.put("email", address);
            data.put("exportedAt", clock.instant().toString());
            Optional<Subscriber> subscriber = subscribers.store().byEmail(connection, address);
            if (subscriber.isPresent()) {
                Subscriber s = subscriber.get();
                var subscription = new LinkedHashMap<String, Object>();
                subscription.put("name", s.name());
                subscription.put("company", s.company());
                subscription.put("organisationNumber", s.orgNumber());
                subscription.put("language", s.locale().getLanguage());
                subscription.put("status", s.status().code());
                subscription.put("createdAt", String.valueOf(s.createdAt()));
                subscription.put("confirmedAt", s.confirmedAt() == null ? null : s.confirmedAt().toString());
                subscription.put("topics", strategies.stream().filter(strategy -> s.topics().contains(strategy.id()))
                        .map(strategy -> strategy.id() + ". " + strategy.title()).toList());
                subscription.put("consents", subscribers.store().consents(connection, s.id()));
                data.put("subscription", subscription);
            } else {
                data.put("subscription", null);
            }
            for (PersonalDataHolder holder : holders) {
                data.put(holder.name(), holder.export(connection, address));
            }
            return data;
        });
    }

    /** Erases the person a manage link belongs to; false when the link opens nothing. */
    public boolean eraseFor(String token) {
        return subscribers.forLink(token).map(subscriber -> {
            erase(subscriber.email());
            return true;
        }).orElse(false);
    }

    /** Deletes every row about {@code address} in the caller's transaction; returns how many rows went. */
    int erase(Connection connection, String address) throws SQLException {
        int rows = 0;
        Optional<Subscriber> subscriber = subscribers.store().byEmail(connection, address);
        if (subscriber.isPresent()) {
            rows += subscribers.store().delete(connection, subscriber.get().id());
        }
        for (PersonalDataHolder holder : holders) {
            rows += holder.erase(connection, address);
        }
        return rows;
    }

    /** Deletes every row about {@code email} in one transaction; returns how many rows went. */
    public int erase(String email) {
        String address = SubscriberService.checkEmail(email);
        int erased = database.write(connection -> erase(connection, address));
        // Deleted rows live on in the write-ahead log until a checkpoint copies the (zeroed, with
        // secure_delete) pages back: force it, so the address is gone from the files too.
        database.checkpoint();
        return erased;
    }
}
