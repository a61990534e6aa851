package se.planbot.proposals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.TestPlanbot;
import se.planbot.db.Jdbc;
import se.planbot.plan.ActionDraft;
import se.planbot.problem.Conflict;
import se.planbot.problem.InvalidInput;

/** The proposals' rules on a real database: coming in, listing, deciding once, and nothing changed on a mistake. */
class ProposalServiceTest {

    @TempDir
    Path folder;
    TestPlanbot app;
    ProposalService proposals;

    /** The demo's own proposals, which every count here starts from. */
    int demo;

    @BeforeEach
    void start() {
        app = TestPlanbot.started(folder).withDemo();
        proposals = app.planbot().proposals();
        demo = proposals.list(ProposalFilter.all()).size();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private ProposalDraft draft(String title, String email) {
        boolean contact = email != null;
        return new ProposalDraft(title, "Mer om idén", 2, ProposalOrigin.EMAIL, null, contact ? "Eva Ek" : "",
                contact ? "Ek AB" : "", email, contact, contact, Locale.forLanguageTag("sv"), "api");
    }

    @Test
    void a_registered_proposal_is_received_with_one_history_entry_and_a_receipt_for_the_proposer() {
        Proposal proposal = proposals.register(draft("Gemensam rekryteringsmässa", "eva@ek.se"), "token test");

        assertThat(proposal.state()).isEqualTo(ProposalState.RECEIVED);
        assertThat(proposal.consentVersion()).isEqualTo("2026-1");
        assertThat(proposals.history(proposal.id())).extracting(ProposalEntry::kind).containsExactly("created");
        assertThat(outbox("proposal-receipt")).isEqualTo(1);
    }

    @Test
    void the_list_filters_by_year_state_and_strategy() {
        proposals.register(draft("Ett", null), "test");
        Proposal two = proposals.register(draft("Två", null), "test");
        proposals.patch(two.id(), new ProposalPatch(null, null, null, false, ProposalState.UNDER_REVIEW, null), "test");

        assertThat(proposals.list(new ProposalFilter(null, 2026, null, 2))).extracting(Proposal::title)
                .contains("Ett", "Två").hasSize(3);
        assertThat(proposals.list(new ProposalFilter(null, 2025, null, null))).isEmpty();
        assertThat(proposals.list(new ProposalFilter(null, null, ProposalState.UNDER_REVIEW, null)))
                .extracting(Proposal::title).containsExactly("Två");
    }

    @Test
    void accepting_creates_a_prefilled_action_of_origin_proposal_and_a_second_decision_is_a_conflict() {
        Proposal proposal = proposals.register(draft("Gemensam rekryteringsmässa", "eva@ek.se"), "test");
        var empty = new ActionDraft(null, null, null, null, null, null, null, null, null, null, null);

        Proposal accepted = proposals.decide(proposal.id(),
                new Decision(ProposalState.ACCEPTED, "Vi gör det", List.of(), empty, null), "Koordinatorn");

        assertThat(accepted.state()).isEqualTo(ProposalState.ACCEPTED);
        var action = app.planbot().plan().requireAction(accepted.actionIds().get(0));
        assertThat(action.title()).isEqualTo("Gemensam rekryteringsmässa");
        assertThat(action.origin()).isEqualTo("proposal");
        assertThat(action.code()).startsWith("P.");
        long actions = app.planbot().plan().actions(se.planbot.plan.ActionFilter.all()).size();

        assertThatThrownBy(() -> proposals.decide(proposal.id(),
                new Decision(ProposalState.REJECTED, "Nej", List.of(), null, null), "Koordinatorn"))
                .isInstanceOf(Conflict.class).hasMessageContaining("redan antaget");
        assertThat(proposals.require(proposal.id()).state()).isEqualTo(ProposalState.ACCEPTED);
        assertThat(app.planbot().plan().actions(se.planbot.plan.ActionFilter.all())).hasSize((int) actions);
        assertThat(outbox("proposal-decision")).isEqualTo(1);
    }

    @Test
    void a_rejection_needs_an_answer_and_a_too_long_description_is_refused_with_nothing_saved() {
        Proposal proposal = proposals.register(draft("Fler parkeringar", null), "test");

        assertThatThrownBy(() -> proposals.decide(proposal.id(),
                new Decision(ProposalState.REJECTED, " ", List.of(), null, null), "test"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("answer");
        var tooLong = new ProposalDraft("Lång", "x".repeat(10_000), null, ProposalOrigin.MEETING, null, "", "", null,
                false, false, null, "api");
        assertThatThrownBy(() -> proposals.register(tooLong, "test")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("description");
        assertThat(proposals.list(ProposalFilter.all())).hasSize(demo + 1);
        assertThat(proposals.require(proposal.id()).state()).isEqualTo(ProposalState.RECEIVED);
    }

    @Test
    void many_proposals_are_registered_all_or_nothing_and_errors_name_the_line() {
        var good = draft("Bra idé", null);
        var bad = draft(" ", null);

        assertThatThrownBy(() -> proposals.registerAll(List.of(good, bad), "test"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("rad 2: ge förslaget en rubrik");
        assertThat(proposals.list(ProposalFilter.all())).hasSize(demo);
        assertThat(proposals.registerAll(List.of(good, draft("Annan idé", null)), "test")).hasSize(2);
    }

    @Test
    void a_merged_proposal_names_the_one_it_joined() {
        Proposal first = proposals.register(draft("Lokal matmarknad", null), "test");
        Proposal second = proposals.register(draft("Matmarknad på torget", null), "test");

        Proposal merged = proposals.decide(second.id(),
                new Decision(ProposalState.MERGED, "Samma idé som förslag " + first.id(), List.of(), null, first.id()), "test");

        assertThat(merged.state()).isEqualTo(ProposalState.MERGED);
        assertThat(merged.mergedInto()).isEqualTo(first.id());
        assertThatThrownBy(() -> proposals.decide(first.id(),
                new Decision(ProposalState.MERGED, "", List.of(), null, second.id()), "test"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("sammanslaget");
    }

    private long outbox(String template) {
        return app.planbot().database().read(connection -> Jdbc.count(connection,
                "select count(*) from outbox where template = ?", template));
    }
}
