package se.planbot.proposals;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.planbot.subscribers.PersonalDataHolder;

/**
 * Proposals hold a proposer's name, company, address and consent: they are in the GDPR export, and
 * erasure empties them while the proposal itself stays, anonymised (its history says when).
 */
public final class ProposalPersonalData implements PersonalDataHolder {

    private final ProposalStore store = new ProposalStore();
    private final Clock clock;

    public ProposalPersonalData(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "proposals";
    }

    @Override
    public Object export(Connection connection, String email) throws SQLException {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Proposal proposal : store.byEmail(connection, email)) {
            result.add(store.export(connection, proposal));
        }
        return result;
    }

    @Override
    public int erase(Connection connection, String email) throws SQLException {
        return store.anonymise(connection, email, clock.instant());
    }
}
