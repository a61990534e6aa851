package se.planbot.followup;

import java.util.Optional;

/** The report's parts, in the order it is read; each has a text the coordinator writes. */
public enum Section {
    INTRODUCTION("introduction", "Inledning",
            "Programmets period, året som följs upp och vad som hänt. Effekter på jobb och företagande tar tid."),
    INDICATORS("indicators", "Mål och indikatorer",
            "Hur indikatorerna har utvecklats mot målen och vad bedömningen bygger på."),
    ACTIONS("actions", "Åtgärder per strategi",
            "Vad som genomförts, vad som är försenat och varför."),
    DIALOGS("dialogs", "Från dialog till åtgärd",
            "Dialoger med näringslivet under året och vad förslagen ledde till."),
    NEXT_YEAR("next_year", "Nästa år",
            "Nya åtgärder, öppna möten och den årliga avstämningen med kommunstyrelsen.");

    private final String code;
    private final String title;
    private final String hint;

    Section(String code, String title, String hint) {
        this.code = code;
        this.title = title;
        this.hint = hint;
    }

    /** The code in the database and in form fields. */
    public String code() {
        return code;
    }

    /** The Swedish heading. */
    public String title() {
        return title;
    }

    /** What the coordinator is asked to write. */
    public String hint() {
        return hint;
    }

    public static Optional<Section> fromCode(String code) {
        for (Section section : values()) {
            if (section.code.equals(code)) {
                return Optional.of(section);
            }
        }
        return Optional.empty();
    }
}
