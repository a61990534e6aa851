package se.planbot.proposals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.planbot.db.Jdbc;

/** The proposals' tables: proposals, their actions, their history and the proposers' link tokens. */
final class ProposalStore {

    private static final String COLUMNS = """
            select id, title, description, strategy_id, origin, dialog_id, proposer_name, proposer_company,
                   proposer_email, proposer_locale, show_name, consent_version, consent_at, mails_stopped, state,
                   answer, merged_into, created_at, updated_at, decided_at, anonymised_at
            from proposals
            """;

    Optional<Proposal> byId(Connection connection, long id) throws SQLException {
        Optional<Proposal> found = Jdbc.one(connection, COLUMNS + " where id = ?", ProposalStore::row, id);
        return found.isPresent() ? Optional.of(withActions(connection, found.get())) : found;
    }

    /** Every proposal, oldest first, with its actions (the filter is applied by the caller). */
    List<Proposal> all(Connection connection) throws SQLException {
        var links = new LinkedHashMap<Long, List<Long>>();
        for (long[] pair : Jdbc.list(connection, "select proposal_id, action_id from proposal_actions order by action_id",
                rows -> new long[] {rows.getLong(1), rows.getLong(2)})) {
            links.computeIfAbsent(pair[0], key -> new ArrayList<>()).add(pair[1]);
        }
        var result = new ArrayList<Proposal>();
        for (Proposal proposal : Jdbc.list(connection, COLUMNS + " order by id", ProposalStore::row)) {
            result.add(proposal.withActions(links.getOrDefault(proposal.id(), List.of())));
        }
        return result;
    }

    List<Proposal> byEmail(Connection connection, String email) throws SQLException {
        var result = new ArrayList<Proposal>();
        for (Proposal proposal : Jdbc.list(connection, COLUMNS + " where lower(proposer_email) = lower(?) order by id",
                ProposalStore::row, email)) {
            result.add(withActions(connection, proposal));
        }
        return result;
    }

    List<Long> proposalsBehind(Connection connection, long actionId) throws SQLException {
        return Jdbc.list(connection, "select proposal_id from proposal_actions where action_id = ? order by proposal_id",
                rows -> rows.getLong(1), actionId);
    }

    long insert(Connection connection, ProposalDraft draft, String email, String consentVersion, Instant now)
            throws SQLException {
        boolean contact = email != null || !draft.proposerName().isEmpty() || !draft.proposerCompany().isEmpty();
        return Jdbc.insert(connection, """
                insert into proposals (title, description, strategy_id, origin, dialog_id, proposer_name,
                    proposer_company, proposer_email, proposer_locale, show_name, consent_version, consent_at,
                    consent_source, state, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?)
                """, draft.title(), draft.description(), draft.strategyId(), draft.origin().code(), draft.dialogId(),
                draft.proposerName(), draft.proposerCompany(), email, draft.locale().getLanguage(),
                draft.showName() && contact, contact ? consentVersion : null, contact ? now : null,
                contact ? draft.source() : null, now, now);
    }

    void updateText(Connection connection, long id, String title, String description, Integer strategyId, Instant now)
            throws SQLException {
        Jdbc.update(connection, "update proposals set title = ?, description = ?, strategy_id = ?, updated_at = ? where id = ?",
                title, description, strategyId, now, id);
    }

    void setState(Connection connection, long id, ProposalState state, String answer, Long mergedInto, Instant now)
            throws SQLException {
        Jdbc.update(connection, """
                update proposals set state = ?, answer = ?, merged_into = ?, updated_at = ?,
                    decided_at = case when ? then ? else decided_at end
                where id = ?
                """, state.code(), answer, mergedInto, now, state.isDecided(), now, id);
    }

    void link(Connection connection, long proposalId, long actionId, Instant now) throws SQLException {
        Jdbc.update(connection, """
                insert into proposal_actions (proposal_id, action_id, linked_at) values (?, ?, ?)
                on conflict (proposal_id, action_id) do nothing
                """, proposalId, actionId, now);
    }

    void setProgressSeen(Connection connection, long id, long changeId) throws SQLException {
        Jdbc.update(connection, "update proposals set progress_seen = ? where id = ? and progress_seen < ?",
                changeId, id, changeId);
    }

    long progressSeen(Connection connection, long id) throws SQLException {
        return Jdbc.count(connection, "select progress_seen from proposals where id = ?", id);
    }

    int stopMails(Connection connection, String email) throws SQLException {
        return Jdbc.update(connection, "update proposals set mails_stopped = ? where lower(proposer_email) = lower(?)",
                true, email);
    }

    /** Empties the proposer's fields of every proposal of {@code email}; the proposals stay. */
    int anonymise(Connection connection, String email, Instant now) throws SQLException {
        List<Long> ids = Jdbc.list(connection, "select id from proposals where lower(proposer_email) = lower(?)",
                rows -> rows.getLong(1), email);
        for (long id : ids) {
            Jdbc.update(connection, "delete from proposal_tokens where proposal_id = ?", id);
            Jdbc.update(connection, """
                    update proposals set proposer_name = '', proposer_company = '', proposer_email = null,
                        show_name = ?, consent_version = null, consent_at = null, consent_source = null,
                        anonymised_at = ?, updated_at = ?
                    where id = ?
                    """, false, now, now, id);
            addEntry(connection, id, now, "Planbot", "anonymised", null, null, "", true);
        }
        return ids.size();
    }

    void addEntry(Connection connection, long proposalId, Instant at, String actor, String kind, ProposalState from,
            ProposalState to, String body, boolean isPublic) throws SQLException {
        Jdbc.update(connection, """
                insert into proposal_history (proposal_id, at, actor, kind, from_state, to_state, body, is_public)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """, proposalId, at, actor, kind, from == null ? null : from.code(), to == null ? null : to.code(),
                body == null ? "" : body, isPublic);
    }

    List<ProposalEntry> history(Connection connection, long proposalId) throws SQLException {
        return Jdbc.list(connection, """
                select id, proposal_id, at, actor, kind, from_state, to_state, body, is_public
                from proposal_history where proposal_id = ? order by id
                """, rows -> new ProposalEntry(rows.getLong("id"), rows.getLong("proposal_id"),
                        Jdbc.instant(rows, "at"), rows.getString("actor"), rows.getString("kind"),
                        ProposalState.of(rows.getString("from_state")).orElse(null),
                        ProposalState.of(rows.getString("to_state")).orElse(null),
                        rows.getString("body"), rows.getBoolean("is_public")), proposalId);
    }

    void addToken(Connection connection, long proposalId, String hash, Instant now) throws SQLException {
        Jdbc.update(connection, "insert into proposal_tokens (token_hash, proposal_id, created_at) values (?, ?, ?)",
                hash, proposalId, now);
    }

    Optional<Proposal> byToken(Connection connection, String hash) throws SQLException {
        Optional<Long> id = Jdbc.one(connection, "select proposal_id from proposal_tokens where token_hash = ?",
                rows -> rows.getLong(1), hash);
        return id.isPresent() ? byId(connection, id.get()) : Optional.empty();
    }

    /** Export of one proposal's proposer part, JSON-able. */
    Map<String, Object> export(Connection connection, Proposal proposal) throws SQLException {
        var entry = new LinkedHashMap<String, Object>();
        entry.put("id", proposal.id());
        entry.put("title", proposal.title());
        entry.put("description", proposal.description());
        entry.put("name", proposal.proposerName());
        entry.put("company", proposal.proposerCompany());
        entry.put("email", proposal.proposerEmail());
        entry.put("language", proposal.locale().getLanguage());
        entry.put("showName", proposal.showName());
        entry.put("mailsStopped", proposal.mailsStopped());
        entry.put("state", proposal.state().code());
        entry.put("answer", proposal.answer());
        entry.put("createdAt", proposal.createdAt().toString());
        entry.put("consent", Jdbc.one(connection,
                "select consent_version, consent_at, consent_source from proposals where id = ?", rows -> {
                    var consent = new LinkedHashMap<String, Object>();
                    consent.put("textVersion", rows.getString(1));
                    consent.put("at", rows.getString(2));
                    consent.put("source", rows.getString(3));
                    return consent;
                }, proposal.id()).orElse(null));
        return entry;
    }

    private Proposal withActions(Connection connection, Proposal proposal) throws SQLException {
        return proposal.withActions(Jdbc.list(connection,
                "select action_id from proposal_actions where proposal_id = ? order by action_id",
                rows -> rows.getLong(1), proposal.id()));
    }

    private static Proposal row(ResultSet rows) throws SQLException {
        return new Proposal(rows.getLong("id"), rows.getString("title"), rows.getString("description"),
                (Integer) nullableInt(rows, "strategy_id"),
                ProposalOrigin.of(rows.getString("origin")).orElseThrow(),
                Jdbc.nullableLong(rows, "dialog_id"), rows.getString("proposer_name"),
                rows.getString("proposer_company"), rows.getString("proposer_email"),
                Locale.forLanguageTag(rows.getString("proposer_locale")), rows.getBoolean("show_name"),
                rows.getString("consent_version"), Jdbc.instant(rows, "consent_at"), rows.getBoolean("mails_stopped"),
                ProposalState.of(rows.getString("state")).orElseThrow(), rows.getString("answer"),
                Jdbc.nullableLong(rows, "merged_into"), List.of(), Jdbc.instant(rows, "created_at"),
                Jdbc.instant(rows, "updated_at"), Jdbc.instant(rows, "decided_at"), Jdbc.instant(rows, "anonymised_at"));
    }

    private static Integer nullableInt(ResultSet rows, String column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }
}
