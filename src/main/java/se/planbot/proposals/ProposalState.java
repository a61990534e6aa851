package se.planbot.proposals;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a proposal stands: inkommen → under beredning → antagen / avslagen / sammanslagen.
 * The last three are decisions: a decided proposal takes no further decision.
 */
public enum ProposalState {
    RECEIVED("received", "Inkommet", "Received"),
    UNDER_REVIEW("under_review", "Under beredning", "Under review"),
    ACCEPTED("accepted", "Antaget", "Accepted"),
    REJECTED("rejected", "Avslaget", "Rejected"),
    MERGED("merged", "Sammanslaget", "Merged");

    private final String code;
    private final String swedish;
    private final String english;

    ProposalState(String code, String swedish, String english) {
        this.code = code;
        this.swedish = swedish;
        this.english = english;
    }

    public String code() {
        return code;
    }

    public boolean isDecided() {
        return this == ACCEPTED || this == REJECTED || this == MERGED;
    }

    /** The state's name for people: Swedish, or English for an English locale. */
    public String label(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? english : swedish;
    }

    public static Optional<ProposalState> of(String code) {
        return Arrays.stream(values()).filter(state -> state.code.equals(code)).findFirst();
    }
}
