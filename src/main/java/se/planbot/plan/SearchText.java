package se.planbot.plan;

import java.text.Normalizer;
import java.util.Locale;

/** Folds text for search: lower case, no diacritics, single spaces ("Åtgärd  2" → "atgard 2"). */
public final class SearchText {

    private SearchText() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").replaceAll("\\s+", " ").trim();
    }
}
