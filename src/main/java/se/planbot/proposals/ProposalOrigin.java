package se.planbot.proposals;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a proposal came from: a dialog, the public web form, or the coordinator by e-mail or from a meeting. */
public enum ProposalOrigin {
    DIALOG("dialog", "Dialog", "Dialog"),
    WEB("web", "Webbformulär", "Web form"),
    EMAIL("email", "E-post", "E-mail"),
    MEETING("meeting", "Möte", "Meeting");

    private final String code;
    private final String swedish;
    private final String english;

    ProposalOrigin(String code, String swedish, String english) {
        this.code = code;
        this.swedish = swedish;
        this.english = english;
    }

    public String code() {
        return code;
    }

    public String label(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? english : swedish;
    }

    public static Optional<ProposalOrigin> of(String code) {
        return Arrays.stream(values()).filter(origin -> origin.code.equals(code)).findFirst();
    }
}
