package se.planbot.config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import se.planbot.problem.EditDistance;

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
            int distance = EditDistance.between(name, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }
}
