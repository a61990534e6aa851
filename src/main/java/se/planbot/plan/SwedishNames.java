package se.planbot.plan;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/**
 * Names compared and sorted as a Swede expects, the same on SQLite and PostgreSQL: "ÅSA" is
 * "åsa" (SQLite's NOCASE and lower() fold ASCII only), and Å Ä Ö come after Z.
 */
final class SwedishNames {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    /** Case-insensitive, accent-sensitive (Åsa is not Asa), then exact as the tie-break. */
    static final Comparator<String> ORDER = ((Comparator<String>) SwedishNames::compareFolded)
            .thenComparing(Comparator.naturalOrder());

    private SwedishNames() {
    }

    static String fold(String name) {
        return name == null ? "" : name.strip().toLowerCase(SWEDISH);
    }

    private static int compareFolded(String one, String other) {
        Collator collator = Collator.getInstance(SWEDISH);
        collator.setStrength(Collator.SECONDARY);
        return collator.compare(one, other);
    }
}
