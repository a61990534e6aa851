package se.planbot.proposals;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.planbot.reminders.DigestSection;

/**
 * The digest's {@code proposals} key: one item counting the proposals that came in since the last
 * digest and those waiting for a decision longer than {@code proposals.review-days}, with the
 * oldest of those; no item when both are zero.
 */
public final class ProposalDigest implements DigestSection {

    private final ProposalStore store = new ProposalStore();
    private final int reviewDays;
    private final String baseUrl;

    public ProposalDigest(int reviewDays, String baseUrl) {
        this.reviewDays = reviewDays;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public String key() {
        return "proposals";
    }

    @Override
    public List<Map<String, Object>> items(Connection connection, ZonedDateTime since, ZonedDateTime until)
            throws SQLException {
        List<Proposal> all = store.all(connection);
        long fresh = all.stream().filter(proposal -> !proposal.createdAt().isBefore(since.toInstant())
                && proposal.createdAt().isBefore(until.toInstant())).count();
        var limit = until.toInstant().minus(Duration.ofDays(reviewDays));
        List<Proposal> waiting = all.stream().filter(proposal -> !proposal.state().isDecided()
                && proposal.createdAt().isBefore(limit)).toList();
        if (fresh == 0 && waiting.isEmpty()) {
            return List.of();
        }
        var item = new LinkedHashMap<String, Object>();
        item.put("new", fresh);
        item.put("waiting", waiting.size());
        item.put("days", reviewDays);
        item.put("oldest", waiting.stream().limit(5).map(proposal -> Map.of("id", proposal.id(),
                "title", proposal.title(), "url", baseUrl + "/proposals/" + proposal.id())).toList());
        item.put("url", baseUrl + "/proposals");
        return List.of(item);
    }
}
