package se.planbot.plan;

import java.util.List;

/** An import that changed nothing because of these rows, each named by its row number. */
public final class ImportFailed extends RuntimeException {

    private final List<String> problems;

    public ImportFailed(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
