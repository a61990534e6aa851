package se.planbot.proposals;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.planbot.outbox.Channel;
import se.planbot.outbox.OutgoingMessage;
import se.planbot.outbox.Outbox;
import se.planbot.subscribers.LinkTokens;

/**
 * Queues the proposer's mails: the receipt, the decision with its answer, and the grouped daily
 * news of the linked actions. Each has the proposal's public page and a fresh link that stops
 * these mails in one click: {@code unsubscribeUrl} gives the RFC 8058 headers exactly as for
 * invitations (https only). None looks at the subscription: a proposal is the proposer's own
 * errand, so even someone who ended their invitations hears of it.
 */
final class ProposalMails {

    private final Outbox outbox;
    private final ProposalStore store;
    private final String baseUrl;
    private final Clock clock;

    ProposalMails(Outbox outbox, ProposalStore store, String baseUrl, Clock clock) {
        this.outbox = outbox;
        this.store = store;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    boolean receipt(Connection connection, Proposal proposal, String dialogTitle) throws SQLException {
        var model = model(connection, proposal);
        model.put("dialogTitle", dialogTitle == null ? "" : dialogTitle);
        return send(connection, proposal, "proposal-receipt", "proposal-receipt:" + proposal.id(), model);
    }

    boolean decision(Connection connection, Proposal proposal, List<Map<String, Object>> actions, String mergedTitle)
            throws SQLException {
        var model = model(connection, proposal);
        model.put("decision", proposal.state().code());
        model.put("stateLabel", proposal.state().label(proposal.locale()));
        model.put("answer", proposal.answer());
        model.put("actions", actions);
        model.put("mergedTitle", mergedTitle == null ? "" : mergedTitle);
        return send(connection, proposal, "proposal-decision",
                "proposal-decision:" + proposal.id() + ":" + proposal.state().code(), model);
    }

    /** One mail for all of a proposer's news: {@code first} gives the address, language and links. */
    boolean progress(Connection connection, Proposal first, String key, List<Map<String, Object>> news)
            throws SQLException {
        var model = model(connection, first);
        model.put("news", news);
        model.put("proposalCount", news.stream().map(item -> item.get("proposalUrl")).distinct().count());
        return send(connection, first, "proposal-progress", key, model);
    }

    private Map<String, Object> model(Connection connection, Proposal proposal) throws SQLException {
        var token = LinkTokens.issue();
        store.addToken(connection, proposal.id(), token.hash(), clock.instant());
        String language = LinkTokens.languageQuery(proposal.locale());
        var model = new LinkedHashMap<String, Object>();
        model.put("name", proposal.proposerName());
        model.put("id", proposal.id());
        model.put("title", proposal.title());
        model.put("proposalUrl", baseUrl + "/proposals/" + proposal.id() + (language.isEmpty() ? "" : "?locale=en"));
        String stop = baseUrl + "/proposals/stop?" + language + "token=" + token.plain();
        model.put("stopLink", stop);
        if (baseUrl.startsWith("https://")) {
            model.put("unsubscribeUrl", stop);
        }
        model.put("myDataUrl", baseUrl + "/proposals/my-data?" + language + "token=" + token.plain());
        return model;
    }

    private boolean send(Connection connection, Proposal proposal, String template, String key,
            Map<String, Object> model) throws SQLException {
        return outbox.enqueue(connection, new OutgoingMessage(key, Channel.EMAIL, proposal.proposerEmail(),
                proposal.proposerName(), template, model, proposal.locale()));
    }
}
