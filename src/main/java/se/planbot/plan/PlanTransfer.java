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
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInput("fil", "filen är inte UTF-8; spara den som \"CSV UTF-8\" i Excel");
        }
        return importSheet(CsvFormat.read(text), actor);
    }

    ImportResult importSheet(Sheet sheet, String actor) {
        var problems = new ArrayList<String>();
        Map<String, String> columns = SheetRows.columns(sheet.headings(), problems);
        if (!problems.isEmpty()) {
            throw new ImportFailed(problems);
        }
        var rows = new ArrayList<SheetRows.ParsedRow>();
        var codes = new HashMap<String, Integer>();
        for (Sheet.Row row : sheet.rows()) {
            var parsed = SheetRows.parse(row, columns, problems);
            if (parsed != null) {
                Integer earlier = codes.putIfAbsent(parsed.code(), row.number());
                if (earlier != null) {
                    problems.add("rad " + row.number() + ": koden '" + parsed.code() + "' finns redan på rad " + earlier);
                } else {
                    rows.add(parsed);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportFailed(problems);
        }
        if (rows.isEmpty()) {
            throw new ImportFailed(List.of("filen har inga åtgärder (bara rubrikraden)"));
        }
        return plan.database().write(connection -> write(connection, rows, actor));
    }

    private ImportResult write(Connection connection, List<SheetRows.ParsedRow> rows, String actor) throws SQLException {
        var problems = new ArrayList<String>();
        var strategies = new HashSet<Integer>();
        plan.strategies(connection).forEach(strategy -> strategies.add(strategy.id()));
        for (SheetRows.ParsedRow row : rows) {
            if (row.strategyTitle() != null && !row.strategyTitle().isBlank()) {
                var existing = plan.strategies(connection).stream().filter(s -> s.id() == row.strategy()).findFirst();
                if (existing.isEmpty() || !existing.get().title().equals(row.strategyTitle())) {
                    plan.saveStrategy(connection, new Strategy(row.strategy(), row.strategyTitle(),
                            existing.map(Strategy::description).orElse("")));
                }
                strategies.add(row.strategy());
            }
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (SheetRows.ParsedRow row : rows) {
            if (!strategies.contains(row.strategy())) {
                problems.add("rad " + row.number() + ": Strategi " + row.strategy()
                        + " finns inte; skriv numret följt av namnet (t.ex. \"" + row.strategy() + " Kompetens\") för att skapa den");
                continue;
            }
            try {
                Long ownerId = null;
                if (!row.owner().isBlank()) {
                    ownerId = plan.findOrCreatePerson(connection, row.owner(), row.email(), row.slackUserId()).id();
                } else if (!row.email().isBlank() || !row.slackUserId().isBlank()) {
                    problems.add("rad " + row.number() + ": E-post '" + row.email() + "' utan Ansvarig; fyll i namnet");
                    continue;
                }
                var draft = new ActionDraft(row.code(), row.title(), row.description(), row.strategy(), ownerId,
                        row.department(), row.start(), row.deadline(), row.status(), row.progress(), row.origin());
                Optional<Action> existing = plan.actionByCode(connection, row.code());
                if (existing.isEmpty()) {
                    plan.createAction(connection, draft, actor, "Importerad");
                    created++;
                } else {
                    Action after = plan.patchAction(connection, existing.get().id(), draft, null, actor);
                    if (after.equals(existing.get())) {
                        unchanged++;
                    } else {
                        updated++;
                    }
                }
            } catch (InvalidInput e) {
                for (FieldError error : e.errors()) {
                    problems.add("rad " + row.number() + ": " + heading(error.field()) + ": " + error.message());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportFailed(problems);
        }
        return new ImportResult(created, updated, unchanged);
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
