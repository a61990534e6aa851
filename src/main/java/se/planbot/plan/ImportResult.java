package se.planbot.plan;

import java.util.List;

/** What an import did, including every strategy it gave a new name (a typo would otherwise rename it unseen). */
public record ImportResult(int created, int updated, int unchanged, List<StrategyRename> renamedStrategies) {

    /** A strategy whose name the sheet changed. */
    public record StrategyRename(int strategy, String from, String to) {
    }

    public ImportResult {
        renamedStrategies = List.copyOf(renamedStrategies);
    }

    public ImportResult(int created, int updated, int unchanged) {
        this(created, updated, unchanged, List.of());
    }

    public String summary() {
        var text = new StringBuilder(created + " nya, " + updated + " uppdaterade, " + unchanged + " oförändrade åtgärder");
        for (StrategyRename rename : renamedStrategies) {
            text.append("; strategi ").append(rename.strategy()).append(" har bytt namn från '").append(rename.from())
                    .append("' till '").append(rename.to()).append("'");
        }
        return text.toString();
    }
}
