package se.planbot.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What importing a sheet would do, worked out by running the real import and rolling it back:
 * each good row as new, changed (which fields, from → to) or unchanged; every bad row's problem
 * by its row number; strategies the sheet would rename. {@link #fingerprint} names this outcome,
 * so applying can refuse when the plan has changed since (see {@link PlanTransfer#apply}).
 */
public record ImportPreview(List<Row> rows, List<String> problems, List<ImportResult.StrategyRename> renames) {

    public enum Kind {
        NEW, CHANGED, UNCHANGED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One good row: its number in Excel, the action's code and title, and what would change. */
    public record Row(int number, String code, String title, Kind kind, List<FieldChange> changes) {
        public Row {
            changes = List.copyOf(changes);
        }
    }

    public ImportPreview {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
        renames = List.copyOf(renames);
    }

    static ImportPreview refused(List<String> problems) {
        return new ImportPreview(List.of(), problems, List.of());
    }

    /** True when applying would change the plan (no bad rows; a row new or changed, or a strategy renamed). */
    public boolean applicable() {
        return problems.isEmpty()
                && (!renames.isEmpty() || rows.stream().anyMatch(row -> row.kind() != Kind.UNCHANGED));
    }

    public long count(Kind kind) {
        return rows.stream().filter(row -> row.kind() == kind).count();
    }

    /** SHA-256 over everything shown: the same sheet on the same plan gives the same fingerprint. */
    public String fingerprint() {
        var text = new StringBuilder();
        for (Row row : rows) {
            text.append(row.number()).append('\u0000').append(row.code()).append('\u0000').append(row.kind()).append('\n');
            for (FieldChange change : row.changes()) {
                text.append(change.field()).append('\u0000').append(change.oldValue()).append('\u0000')
                        .append(change.newValue()).append('\n');
            }
        }
        renames.forEach(rename -> text.append(rename).append('\n'));
        problems.forEach(problem -> text.append(problem).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
