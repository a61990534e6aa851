package se.planbot.config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The {@code PLANBOT_*} environment variables Planbot knows: one per configuration key. Any other
 * variable with that prefix is a typo ({@code PLANBOT_HTTP_PROT}) and stops start-up, as an unknown
 * key in the file does, naming the nearest known variable.
 */
final class EnvironmentNames {

    private static final String PREFIX = "PLANBOT_";

    private EnvironmentNames() {
    }

    static void refuseUnknown(Map<String, String> environment, Set<String> keys) {
        Set<String> known = keys.stream().map(Config::environmentName).collect(Collectors.toSet());
        var unknown = new TreeSet<String>();
        environment.keySet().stream().filter(name -> name.startsWith(PREFIX) && !known.contains(name))
                .forEach(unknown::add);
        if (unknown.isEmpty()) {
            return;
        }
        String first = unknown.first();
        String hint = nearest(first, known).map(name -> "; menade du " + name + "?").orElse("");
        throw new ConfigException("Okänd miljövariabel: " + String.join(", ", unknown)
                + " (ingen konfigurationsnyckel heter så" + hint + ")");
    }

    private static Optional<String> nearest(String name, Set<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : new TreeSet<>(known)) {
            int distance = distance(name, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Edit distance with swaps of neighbours counted as one ({@code PROT} → {@code PORT}). */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
