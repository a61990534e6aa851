package se.planbot.slack;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import se.planbot.plan.Action;
import se.planbot.plan.Change;

/**
 * What the question engine found, before it becomes Block Kit or plain text. {@code query} is the
 * question that gives this answer again (for "share in channel" and "show more").
 */
public sealed interface Answer {

    String query();

    /** The help; {@code unknown} is the input not understood and {@code suggestion} the closest command (both may be ""). */
    record Help(String query, String unknown, String suggestion) implements Answer {
    }

    /** One action in full. */
    record Detail(String query, Action action, Optional<Change> lastChange, LocalDate today) implements Answer {
    }

    /**
     * A page of a list. {@code total} counts the whole list; {@code page} is 1-based; {@code nextQuery}
     * asks for the following page ("" on the last page).
     */
    record ActionList(String query, String heading, List<Action> actions, int total, int page, int pageSize,
            String nextQuery, String emptyText, LocalDate today) implements Answer {

        public int first() {
            return total == 0 ? 0 : (page - 1) * pageSize + 1;
        }

        public int last() {
            return first() + actions.size() - 1;
        }
    }

    /** The upcoming dialogs (may be none). */
    record Dialogs(String query, List<UpcomingDialogs.Dialog> dialogs) implements Answer {
    }

    /** A heading and lines of text with a link to the page they come from (the indicators). */
    record Lines(String query, String heading, List<String> lines, String url) implements Answer {
    }

    /** The proposals waiting for a decision (may be none). */
    record Proposals(String query, List<ProposalsUnderReview.Proposal> proposals) implements Answer {
    }

    /** A short sentence: something not found, a refusal, a hint. */
    record Notice(String query, String text) implements Answer {
    }
}
