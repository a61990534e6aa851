package se.planbot.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The problems of one import, kept by row so that the ones found while reading a row and the
 * ones found only when writing it are listed together, in row order, in one run.
 */
final class RowProblems {

    private final TreeMap<Integer, List<String>> byRow = new TreeMap<>();

    /** The list to add row {@code row}'s problems to (each already starting with "rad N: "). */
    List<String> of(int row) {
        return byRow.computeIfAbsent(row, number -> new ArrayList<>());
    }

    /** A copy to add to, so one parse can be written more than once (a preview, then the import). */
    RowProblems copy() {
        var copy = new RowProblems();
        byRow.forEach((row, problems) -> copy.byRow.put(row, new ArrayList<>(problems)));
        return copy;
    }

    boolean isEmpty() {
        return byRow.values().stream().allMatch(List::isEmpty);
    }

    List<String> all() {
        return byRow.values().stream().flatMap(List::stream).toList();
    }
}
