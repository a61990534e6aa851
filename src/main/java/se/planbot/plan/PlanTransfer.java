package se.planbot.plan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.planbot.problem.FieldError;
import se.planbot.problem.InvalidInput;

/**
 * The action plan in and out of the coordinator's spreadsheet (CSV or XLSX, Swedish headings).
 *
 * <p>Import is all-or-nothing: every row is checked first, every bad row is reported by its
 * number, and then all rows are written in one transaction. Rows are matched by code, so
 * importing the same file twice changes nothing the second time.
 */
public final class PlanTransfer {

    static final List<String> HEADINGS = List.of("Kod", "Åtgärd", "Beskrivning", "Strategi", "Ansvarig", "E-post", "Slack-id",
            "Förvaltning", "Start", "Klart senast", "Status", "Framsteg", "Ursprung");

    private final PlanService plan;

    public PlanTransfer(PlanService plan) {
        this.plan = plan;
    }


    /** Imports a .csv or .xlsx file; {@code actor} names the import in the history. */
    public ImportResult importFile(Path file, String actor) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        byte[] bytes = Files.readAllBytes(file);
        if (name.endsWith(".xlsx")) {
            return importSheet(XlsxFormat.read(new ByteArrayInputStream(bytes)), actor);
        }
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return importCsv(bytes, actor);
        }
        throw new InvalidInput("fil", "okänd filtyp '" + file.getFileName() + "': använd .csv eller .xlsx");
    }

    public ImportResult importXlsx(java.io.InputStream in, String actor) {
        return importSheet(XlsxFormat.read(in), actor);
    }

    public ImportResult importCsv(byte[] bytes, String actor) {
        return importSheet(CsvFormat.read(utf8(bytes)), actor);
    }

    ImportResult importSheet(Sheet sheet, String actor) {
        Parsed parsed = parse(sheet);
        // Rows with problems are left out, the others still written (and rolled back) so that
        // what only the database can tell (a strategy that does not exist) is reported in the same run.
        return plan.database().write(connection -> write(connection, parsed, actor).resultOrFail());
    }

    /**
     * What importing {@code bytes} (an .xlsx workbook, or CSV in UTF-8) would do, row by row: the
     * real import, rolled back. Changes nothing; a sheet that cannot be read is a preview of its problems.
     */
    public ImportPreview preview(byte[] bytes, String actor) {
        Parsed parsed;
        try {
            parsed = parse(read(bytes));
        } catch (ImportFailed failed) {
            return ImportPreview.refused(failed.problems());
        } catch (InvalidInput unreadable) {
            return ImportPreview.refused(unreadable.errors().stream().map(FieldError::message).toList());
        }
        try {
            plan.database().write(connection -> {
                throw new Rollback(write(connection, parsed, actor).preview());
            });
            throw new IllegalStateException("a preview must roll back");
        } catch (Rollback rollback) {
            return rollback.preview;
        }
    }

    /**
     * Imports {@code bytes} only if the outcome is still exactly the previewed one (its
     * {@link ImportPreview#fingerprint}); otherwise {@link PreviewOutdated} with the new preview,
     * and nothing changed. All or nothing, as every import.
     */
    public ImportResult apply(byte[] bytes, String previewed, String actor) {
        Parsed parsed = parse(read(bytes));
        return plan.database().write(connection -> {
            Outcome outcome = write(connection, parsed, actor);
            ImportPreview now = outcome.preview();
            if (!now.fingerprint().equals(previewed)) {
                throw new PreviewOutdated(now);
            }
            return outcome.resultOrFail();
        });
    }

    /** A sheet's bytes: a workbook by its zip signature, else CSV that must be UTF-8. */
    private static Sheet read(byte[] bytes) {
        boolean zip = bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        return zip ? XlsxFormat.read(new ByteArrayInputStream(bytes)) : CsvFormat.read(utf8(bytes));
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInput("fil", "filen är inte UTF-8; spara den som \"CSV UTF-8\" i Excel");
        }
    }

    /** The rows read and checked on their own (before the database is asked), with their problems so far. */
    private record Parsed(List<SheetRows.ParsedRow> rows, RowProblems problems, Set<Integer> namedInSheet) {
    }

    private static Parsed parse(Sheet sheet) {
        var headingProblems = new ArrayList<String>();
        Map<String, String> columns = SheetRows.columns(sheet.headings(), headingProblems);
        if (!headingProblems.isEmpty()) {
            throw new ImportFailed(headingProblems);
        }
        var problems = new RowProblems();
        var rows = new ArrayList<SheetRows.ParsedRow>();
        var codes = new HashMap<String, Integer>();
        var strategyNames = new HashMap<Integer, SheetRows.ParsedRow>();
        var owners = new HashMap<String, SheetRows.ParsedRow>();
        var namedInSheet = new HashSet<Integer>();
        for (Sheet.Row row : sheet.rows()) {
            SheetRows.namedStrategy(row, columns).ifPresent(namedInSheet::add);
            List<String> rowProblems = problems.of(row.number());
            var parsed = SheetRows.parse(row, columns, rowProblems);
            if (parsed != null) {
                Integer earlier = codes.putIfAbsent(parsed.code(), row.number());
                if (earlier != null) {
                    rowProblems.add("rad " + row.number() + ": koden '" + parsed.code() + "' finns redan på rad " + earlier);
                } else if (sameStrategyName(parsed, strategyNames, rowProblems)
                        && sameOwnerName(parsed, owners, rowProblems)) {
                    rows.add(parsed);
                }
            }
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            throw new ImportFailed(List.of("filen har inga åtgärder (bara rubrikraden)"));
        }
        return new Parsed(rows, problems, namedInSheet);
    }

    /** What one run of the import did in its transaction: counts, row by row, and every problem. */
    private record Outcome(ImportResult result, List<ImportPreview.Row> rows, RowProblems problems) {
        ImportPreview preview() {
            return new ImportPreview(rows, problems.all(), result.renamedStrategies());
        }

        ImportResult resultOrFail() {
            if (!problems.isEmpty()) {
                throw new ImportFailed(problems.all());
            }
            return result;
        }
    }

    /** {@code namedInSheet}: strategies some row names, so a row refused for another reason does not make them "missing". */
    private Outcome write(Connection connection, Parsed parsed, String actor) throws SQLException {
        RowProblems problems = parsed.problems().copy();
        var strategies = new HashSet<Integer>();
        var renames = new ArrayList<ImportResult.StrategyRename>();
        plan.strategies(connection).forEach(strategy -> strategies.add(strategy.id()));
        for (SheetRows.ParsedRow row : parsed.rows()) {
            if (row.strategyTitle() != null && !row.strategyTitle().isBlank()) {
                var existing = plan.strategies(connection).stream().filter(s -> s.id() == row.strategy()).findFirst();
                if (existing.isEmpty() || !existing.get().title().equals(row.strategyTitle())) {
                    plan.saveStrategy(connection, new Strategy(row.strategy(), row.strategyTitle(),
                            existing.map(Strategy::description).orElse("")));
                    existing.ifPresent(strategy -> renames.add(
                            new ImportResult.StrategyRename(strategy.id(), strategy.title(), row.strategyTitle())));
                }
                strategies.add(row.strategy());
            }
        }
        var outcomes = new ArrayList<ImportPreview.Row>();
        for (SheetRows.ParsedRow row : parsed.rows()) {
            List<String> rowProblems = problems.of(row.number());
            if (!strategies.contains(row.strategy())) {
                if (!parsed.namedInSheet().contains(row.strategy())) {
                    rowProblems.add("rad " + row.number() + ": Strategi " + row.strategy()
                            + " finns inte; skriv numret följt av namnet (t.ex. \"" + row.strategy() + " Kompetens\") för att skapa den");
                }
                continue;
            }
            try {
                writeRow(connection, row, actor, rowProblems).ifPresent(outcomes::add);
            } catch (InvalidInput e) {
                for (FieldError error : e.errors()) {
                    rowProblems.add("rad " + row.number() + ": " + heading(error.field()) + ": " + error.message());
                }
            }
        }
        int created = (int) outcomes.stream().filter(row -> row.kind() == ImportPreview.Kind.NEW).count();
        int updated = (int) outcomes.stream().filter(row -> row.kind() == ImportPreview.Kind.CHANGED).count();
        return new Outcome(new ImportResult(created, updated, outcomes.size() - created - updated, renames),
                outcomes, problems);
    }

    /** Creates or updates one row's action; empty (with a problem added) when the row cannot be written. */
    private Optional<ImportPreview.Row> writeRow(Connection connection, SheetRows.ParsedRow row, String actor,
            List<String> rowProblems) throws SQLException {
        Long ownerId = null;
        if (!row.owner().isBlank()) {
            ownerId = plan.findOrCreatePerson(connection, row.owner(), row.email(), row.slackUserId()).id();
        } else if (!row.email().isBlank() || !row.slackUserId().isBlank()) {
            rowProblems.add("rad " + row.number() + ": E-post '" + row.email() + "' utan Ansvarig; fyll i namnet");
            return Optional.empty();
        }
        var draft = new ActionDraft(row.code(), row.title(), row.description(), row.strategy(), ownerId,
                row.department(), row.start(), row.deadline(), row.status(), row.progress(), row.origin());
        Optional<Action> existing = plan.actionByCode(connection, row.code());
        if (existing.isEmpty()) {
            Action created = plan.createAction(connection, draft, actor, "Importerad");
            return Optional.of(new ImportPreview.Row(row.number(), created.code(), created.title(),
                    ImportPreview.Kind.NEW, ActionDiff.created(created)));
        }
        Action after = plan.patchAction(connection, existing.get().id(), draft, null, actor);
        List<FieldChange> changes = ActionDiff.between(existing.get(), after);
        boolean same = after.equals(existing.get()) || changes.isEmpty();
        return Optional.of(new ImportPreview.Row(row.number(), after.code(), after.title(),
                same ? ImportPreview.Kind.UNCHANGED : ImportPreview.Kind.CHANGED, changes));
    }

    /** Carries a preview out of the transaction it rolls back. */
    private static final class Rollback extends RuntimeException {
        private final transient ImportPreview preview;

        Rollback(ImportPreview preview) {
            super("import preview", null, false, false);
            this.preview = preview;
        }
    }

    /**
     * One sheet gives one strategy one name: a second spelling ("1 Service och bemtande" under
     * "1 Service och bemötande") is a row error, not a silent rename where the last row wins.
     */
    private static boolean sameStrategyName(SheetRows.ParsedRow row, Map<Integer, SheetRows.ParsedRow> named,
            List<String> problems) {
        if (row.strategyTitle() == null) {
            return true;
        }
        SheetRows.ParsedRow first = named.putIfAbsent(row.strategy(), row);
        if (first == null || first.strategyTitle().equals(row.strategyTitle())) {
            return true;
        }
        problems.add("rad " + row.number() + ": Strategi " + row.strategy() + " heter '" + row.strategyTitle()
                + "' här men '" + first.strategyTitle() + "' på rad " + first.number()
                + "; skriv samma namn på alla rader (eller bara numret)");
        return false;
    }

    /** One address is one person: the same e-mail under two names in one sheet is a row error. */
    private static boolean sameOwnerName(SheetRows.ParsedRow row, Map<String, SheetRows.ParsedRow> byEmail,
            List<String> problems) {
        if (row.email().isBlank() || row.owner().isBlank()) {
            return true;
        }
        SheetRows.ParsedRow first = byEmail.putIfAbsent(row.email().toLowerCase(Locale.ROOT), row);
        if (first == null || first.owner().equals(row.owner())) {
            return true;
        }
        problems.add("rad " + row.number() + ": E-post '" + row.email() + "' hör till '" + row.owner()
                + "' här men till '" + first.owner() + "' på rad " + first.number()
                + "; en e-postadress är en person, skriv samma namn på alla rader");
        return false;
    }

    private static String heading(String field) {
        return switch (field) {
            case "code" -> "Kod";
            case "title" -> "Åtgärd";
            case "description" -> "Beskrivning";
            case "strategy" -> "Strategi";
            case "ownerId", "name" -> "Ansvarig";
            case "email" -> "E-post";
            case "slackUserId" -> "Slack-id";
            case "startDate" -> "Start";
            case "deadline" -> "Klart senast";
            case "progress" -> "Framsteg";
            default -> field;
        };
    }

    /** Writes the whole plan to a .csv or .xlsx file; importing it into an empty database gives the same plan. */
    public int exportFile(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".csv") && !name.endsWith(".xlsx")) {
            throw new InvalidInput("fil", "okänd filtyp '" + file.getFileName() + "': använd .csv eller .xlsx");
        }
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        try (OutputStream out = Files.newOutputStream(absolute)) {
            return name.endsWith(".xlsx") ? exportXlsx(out) : exportCsv(out);
        }
    }

    public int exportCsv(OutputStream out) throws IOException {
        List<List<String>> rows = rows();
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CsvFormat.write(writer, HEADINGS, rows);
        return rows.size();
    }

    public int exportXlsx(OutputStream out) throws IOException {
        List<List<String>> rows = rows();
        XlsxFormat.write(out, HEADINGS, rows, List.of(HEADINGS.indexOf("Start"), HEADINGS.indexOf("Klart senast")),
                List.of(HEADINGS.indexOf("Framsteg")));
        return rows.size();
    }

    private List<List<String>> rows() {
        Map<Integer, String> titles = new HashMap<>();
        plan.strategies().forEach(strategy -> titles.put(strategy.id(), strategy.title()));
        var rows = new ArrayList<List<String>>();
        for (Action action : plan.actions(ActionFilter.all())) {
            rows.add(List.of(
                    action.code(),
                    action.title(),
                    action.description(),
                    action.strategyId() + " " + titles.getOrDefault(action.strategyId(), ""),
                    nullToEmpty(action.ownerName()),
                    nullToEmpty(action.ownerEmail()),
                    nullToEmpty(action.ownerSlackUserId()),
                    action.department(),
                    action.startDate() == null ? "" : action.startDate().toString(),
                    action.deadline() == null ? "" : action.deadline().toString(),
                    action.status().label(Locale.forLanguageTag("sv")),
                    Integer.toString(action.progress()),
                    action.origin()));
        }
        return rows;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
