package se.planbot.followup;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import se.planbot.followup.ReportFigures.MeetingRow;
import se.planbot.problem.Errors;
import se.planbot.problem.InputText;

/**
 * The coming year's meeting dates as the coordinator writes them, one a line:
 * {@code 2027-04-15 Näringslivsforum}. A line that does not start with a date is refused, naming it.
 */
final class Meetings {

    static final int MAX_CHARACTERS = 5_000;

    private Meetings() {
    }

    static List<MeetingRow> parse(String text) {
        var errors = new Errors();
        List<MeetingRow> meetings = parse(text, errors);
        errors.throwIfAny();
        return meetings;
    }

    static List<MeetingRow> parse(String text, Errors errors) {
        var meetings = new ArrayList<MeetingRow>();
        if (text == null || text.isBlank()) {
            return meetings;
        }
        InputText.text(errors, "meetings", "mötesdatumen", text, MAX_CHARACTERS);
        if (!errors.isEmpty()) {
            return meetings;
        }
        int number = 0;
        for (String line : text.split("\\R")) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 2);
            try {
                LocalDate date = LocalDate.parse(parts[0]);
                String title = parts.length > 1 ? parts[1].replaceFirst("^[–—-]\\s*", "").strip() : "";
                if (title.isEmpty()) {
                    errors.add("meetings", "rad " + number + ": skriv vad som händer efter datumet, t.ex. "
                            + "”2027-04-15 Näringslivsforum”");
                } else {
                    meetings.add(new MeetingRow(date, title));
                }
            } catch (DateTimeParseException notADate) {
                errors.add("meetings", "rad " + number + ": ”" + parts[0] + "” är inget datum; börja raden med "
                        + "ÅÅÅÅ-MM-DD, t.ex. ”2027-04-15 Näringslivsforum”");
            }
        }
        return meetings;
    }
}
