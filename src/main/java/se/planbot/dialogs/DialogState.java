package se.planbot.dialogs;

import java.util.Locale;

/** A dialog's life: a draft is seen only by the coordinator; published is public; cancelled stays visible. */
public enum DialogState {
    DRAFT, PUBLISHED, CANCELLED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DialogState of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
