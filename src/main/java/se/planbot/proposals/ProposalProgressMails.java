package se.planbot.proposals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import se.planbot.plan.Action;
import se.planbot.plan.ActionStatus;
import se.planbot.plan.PlanService;
import se.planbot.plan.StatusChange;
import se.planbot.reminders.SweepTask;
import se.planbot.reminders.WorkingDays;

/**
 * Tells proposers when an action from their proposal starts, is done or is cancelled: at most one
 * mail a day per proposer, with everything new since the last one grouped in it. The key holds
 * the day and a hash of the address, so a second sweep that day queues nothing and what happened
 * after the day's mail waits for the next day's. Each proposal remembers the newest history entry
 * told ({@code progress_seen}); it moves only when the mail is queued, in the same transaction.
 * A proposer who stopped these mails, or was erased, gets none.
 */
public final class ProposalProgressMails implements SweepTask {

    private static final List<ActionStatus> TOLD = List.of(ActionStatus.IN_PROGRESS, ActionStatus.DONE,
            ActionStatus.CANCELLED);

    private final ProposalStore store;
    private final ProposalMails mails;
    private final PlanService plan;
    private final String baseUrl;

    public ProposalProgressMails(ProposalService proposals, String baseUrl) {
        this.store = proposals.store();
        this.mails = proposals.mails();
        this.plan = proposals.plan();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public int runAsOf(Connection connection, ZonedDateTime now, WorkingDays workingDays) throws SQLException {
        var byProposer = new LinkedHashMap<String, List<News>>();
        for (Proposal proposal : store.all(connection)) {
            if (!proposal.hasEmail() || proposal.mailsStopped() || proposal.anonymisedAt() != null
                    || (proposal.state() != ProposalState.ACCEPTED && proposal.state() != ProposalState.MERGED)) {
                continue;
            }
            long seen = store.progressSeen(connection, proposal.id());
            for (long actionId : actionsOf(connection, proposal)) {
                for (StatusChange change : plan.statusChangesAfter(connection, actionId, seen)) {
                    if (TOLD.contains(change.status())) {
                        byProposer.computeIfAbsent(proposal.proposerEmail().toLowerCase(Locale.ROOT),
                                key -> new ArrayList<>()).add(new News(proposal, actionId, change));
                    }
                }
            }
        }
        int queued = 0;
        LocalDate today = now.toLocalDate();
        for (var entry : byProposer.entrySet()) {
            List<News> news = entry.getValue();
            Proposal first = news.get(0).proposal();
            var items = new ArrayList<Map<String, Object>>();
            for (News item : news) {
                items.add(item(connection, item, now));
            }
            String key = "proposal-progress:" + hash(entry.getKey()) + ":" + today;
            if (mails.progress(connection, first, key, items)) {
                queued++;
                for (News item : news) {
                    store.setProgressSeen(connection, item.proposal().id(), item.change().changeId());
                }
            }
        }
        return queued;
    }

    /** The proposal's actions, and those of the proposal it was merged into. */
    private List<Long> actionsOf(Connection connection, Proposal proposal) throws SQLException {
        var ids = new LinkedHashSet<Long>(proposal.actionIds());
        if (proposal.mergedInto() != null) {
            store.byId(connection, proposal.mergedInto()).ifPresent(target -> ids.addAll(target.actionIds()));
        }
        return List.copyOf(ids);
    }

    private Map<String, Object> item(Connection connection, News news, ZonedDateTime now) throws SQLException {
        Locale locale = news.proposal().locale();
        Action action = plan.action(connection, news.actionId()).orElseThrow();
        var item = new LinkedHashMap<String, Object>();
        item.put("action", action.code() + " " + action.title());
        item.put("actionUrl", baseUrl + "/plan/actions/" + action.id());
        item.put("status", news.change().status().label(locale).toLowerCase(locale));
        item.put("statusCode", news.change().status().code());
        item.put("date", DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(news.change().at().atZone(now.getZone())));
        item.put("proposal", news.proposal().title());
        item.put("proposalUrl", baseUrl + "/proposals/" + news.proposal().id()
                + ("en".equals(locale.getLanguage()) ? "?locale=en" : ""));
        return item;
    }

    private static String hash(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private record News(Proposal proposal, long actionId, StatusChange change) {
    }
}
