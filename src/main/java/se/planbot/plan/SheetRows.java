package se.planbot.plan;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the rows of the coordinator's spreadsheet: finds the columns by their Swedish (or
 * English) headings and checks every cell, saying what is wrong by row number and heading.
 */
final class SheetRows {

    private SheetRows() {
    }

    private static final Map<String, String> ALIASES = aliases();
    private static final Pattern STRATEGY = Pattern.compile("(?:strategi|strategy)?\\s*(\\d{1,2})\\s*[.:)\\-–]?\\s*(.*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO_MIDNIGHT = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ T]00:00(?::00)?");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    /** What Excel makes of a code such as 1.10 or 3-1 in a cell not formatted as text. */
    private static final Pattern EXCEL_DATE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(?:[ T]\\d{2}:\\d{2}(?::\\d{2})?)?|\\d{1,2}/\\d{1,2}/\\d{2,4}"
                    + "|\\d{1,2}[-. ]?(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-z]*\\.?(?:[-. ]\\d{2,4})?"
                    + "|(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-z]*\\.?[-. ]\\d{1,4}",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern PROGRESS = Pattern.compile("(-?\\d{1,4})(?:[.,]0+)?\\s*%?");

    private static Map<String, String> aliases() {
        var map = new HashMap<String, String>();
        for (String heading : PlanTransfer.HEADINGS) {
            map.put(SearchText.fold(heading), heading);
        }
        map.put("code", "Kod");
        map.put("nr", "Kod");
        map.put("atgard", "Åtgärd");
        map.put("titel", "Åtgärd");
        map.put("title", "Åtgärd");
        map.put("description", "Beskrivning");
        map.put("strategy", "Strategi");
        map.put("ansvarig", "Ansvarig");
        map.put("owner", "Ansvarig");
        map.put("epost", "E-post");
        map.put("e-post", "E-post");
        map.put("email", "E-post");
        map.put("mejl", "E-post");
        map.put("slack", "Slack-id");
        map.put("slack id", "Slack-id");
        map.put("slack user id", "Slack-id");
        map.put("department", "Förvaltning");
        map.put("startdatum", "Start");
        map.put("start date", "Start");
        map.put("deadline", "Klart senast");
        map.put("slutdatum", "Klart senast");
        map.put("progress", "Framsteg");
        map.put("origin", "Ursprung");
        return map;
    }

    static Map<String, String> columns(List<String> headings, List<String> problems) {
        var columns = new HashMap<String, String>();
        for (String heading : headings) {
            String canonical = ALIASES.get(SearchText.fold(heading));
            if (canonical != null) {
                columns.put(canonical, heading);
            }
        }
        for (String required : List.of("Kod", "Åtgärd", "Strategi")) {
            if (!columns.containsKey(required)) {
                problems.add("rad 1: rubriken '" + required + "' saknas (rubrikerna är: " + String.join(", ", headings)
                        + "); rubrikerna ska stå på rad 1 i första bladet, avgränsade med ; eller ,");
            }
        }
        return columns;
    }

    record ParsedRow(int number, String code, String title, String description, int strategy,
            String strategyTitle, String owner, String email, String slackUserId, String department, LocalDate start, LocalDate deadline,
            ActionStatus status, Integer progress, String origin) {
    }

    /** The number of the strategy a row names ("2 Kompetens"), even when the row has other problems. */
    static java.util.Optional<Integer> namedStrategy(Sheet.Row row, Map<String, String> columns) {
        Matcher match = STRATEGY.matcher(columns.containsKey("Strategi") ? row.get(columns.get("Strategi")) : "");
        return match.matches() && !match.group(2).isBlank()
                ? java.util.Optional.of(Integer.parseInt(match.group(1))) : java.util.Optional.empty();
    }

    static ParsedRow parse(Sheet.Row row, Map<String, String> columns, List<String> problems) {
        int before = problems.size();
        String where = "rad " + row.number() + ": ";
        java.util.function.Function<String, String> cell = heading ->
                columns.containsKey(heading) ? row.get(columns.get(heading)) : "";
        String code = cell.apply("Kod");
        if (code.isEmpty()) {
            problems.add(where + "Kod saknas");
        } else if (EXCEL_DATE.matcher(code).matches()) {
            problems.add(where + "Kod '" + code + "' är ett datum: Excel har gjort om koden; formatera kolumnen Kod "
                    + "som Text och skriv koden igen (t.ex. 1.10)");
        }
        String title = cell.apply("Åtgärd");
        if (title.isEmpty()) {
            problems.add(where + "Åtgärd (titel) saknas");
        }
        int strategy = 0;
        String strategyTitle = null;
        String strategyText = cell.apply("Strategi");
        Matcher strategyMatch = STRATEGY.matcher(strategyText);
        if (strategyText.isEmpty()) {
            problems.add(where + "Strategi saknas");
        } else if (!strategyMatch.matches()) {
            problems.add(where + "Strategi '" + strategyText + "' ska börja med strategins nummer, t.ex. \"2\" eller \"2 Kompetens\"");
        } else {
            strategy = Integer.parseInt(strategyMatch.group(1));
            strategyTitle = strategyMatch.group(2).isBlank() ? null : strategyMatch.group(2).trim();
            if (strategy < 1) {
                problems.add(where + "Strategi '" + strategyText + "': numret ska vara 1 eller större");
            }
        }
        String email = cell.apply("E-post");
        if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add(where + "E-post '" + email + "' är ingen e-postadress");
        }
        String slackUserId = cell.apply("Slack-id");
        if (!slackUserId.isEmpty() && !slackUserId.matches("[UW][A-Z0-9]{2,20}")) {
            problems.add(where + "Slack-id '" + slackUserId + "' är inget Slack-användar-id (t.ex. U012AB3CD)");
        }
        LocalDate start = date(cell.apply("Start"), "Start", where, problems);
        LocalDate deadline = date(cell.apply("Klart senast"), "Klart senast", where, problems);
        if (start != null && deadline != null && deadline.isBefore(start)) {
            problems.add(where + "Klart senast (" + deadline + ") är före Start (" + start + ")");
        }
        ActionStatus status = null;
        String statusText = cell.apply("Status");
        if (!statusText.isEmpty()) {
            status = ActionStatus.fromWord(statusText).orElse(null);
            if (status == null) {
                problems.add(where + "Status '" + statusText + "' är okänd; använd Planerad, Pågår, Klar eller Avbruten");
            }
        }
        Integer progress = null;
        String progressText = cell.apply("Framsteg");
        if (!progressText.isEmpty()) {
            Matcher progressMatch = PROGRESS.matcher(progressText);
            if (!progressMatch.matches()) {
                problems.add(where + "Framsteg '" + progressText + "' är inget tal (0–100)");
            } else {
                progress = Integer.parseInt(progressMatch.group(1));
                if (progress < 0 || progress > 100) {
                    problems.add(where + "Framsteg " + progress + " ska vara 0–100");
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        // A column the sheet does not have, or an empty Status or Ursprung, is null: "leave as it is"
        // for an action that exists (a short sheet must not wipe descriptions or reset statuses);
        // a new action gets the defaults (Planerad, "plan", empty texts) when it is created.
        java.util.function.Function<String, String> present = heading ->
                columns.containsKey(heading) ? cell.apply(heading) : null;
        String origin = cell.apply("Ursprung");
        return new ParsedRow(row.number(), code, title, present.apply("Beskrivning"), strategy, strategyTitle,
                cell.apply("Ansvarig"), email, slackUserId, present.apply("Förvaltning"), start, deadline,
                status, progress, origin.isEmpty() ? null : origin);
    }

    /**
     * A date as Excel writes one: ÅÅÅÅ-MM-DD, the same with a midnight time ("2026-06-30 00:00",
     * a date cell saved as CSV) or D/M/ÅÅÅÅ (day first, as in Sweden).
     */
    private static LocalDate date(String text, String heading, String where, List<String> problems) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            Matcher midnight = ISO_MIDNIGHT.matcher(text);
            if (midnight.matches()) {
                return LocalDate.parse(midnight.group(1));
            }
            Matcher dayFirst = DAY_MONTH_YEAR.matcher(text);
            if (dayFirst.matches()) {
                return LocalDate.of(Integer.parseInt(dayFirst.group(3)), Integer.parseInt(dayFirst.group(2)),
                        Integer.parseInt(dayFirst.group(1)));
            }
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            problems.add(where + heading + " '" + text + "' är inget datum (ÅÅÅÅ-MM-DD)");
            return null;
        }
    }
}
