package se.planbot.slack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.planbot.plan.SearchText;
import se.planbot.problem.EditDistance;

/**
 * A question read from words, Swedish or English, in a slash command or a mention:
 * {@code 12}, {@code 2.3}, {@code mina}, {@code försenade}, {@code kommande 30}, {@code strategi 2},
 * {@code dialoger}, {@code indikatorer}, {@code indikator 3}, {@code hjälp}, or search words; "sida N"/"page N" at the end picks a page.
 * A sentence ("hur går det med åtgärd 12?") is searched for an action reference or a command word.
 */
record Question(Kind kind, String argument, int page) {

    enum Kind { HELP, DETAIL, MINE, OVERDUE, UPCOMING, STRATEGY, DIALOGS, INDICATORS, INDICATOR, SEARCH }

    static final List<String> COMMAND_WORDS = List.of("hjälp", "help", "mina", "mine", "försenade", "overdue",
            "kommande", "upcoming", "strategi", "strategy", "dialoger", "dialogs", "indikatorer", "indicators", "indikator");

    private static final Pattern MENTION = Pattern.compile("<[@#!][^>]*>");
    private static final Pattern ACTION_REFERENCE = Pattern.compile(
            "(?iu)(?:åtgärd(?:en)?|atgard(?:en)?|action|status|nr|#)\\s*#?(\\p{L}{0,3}\\p{N}[\\p{L}\\p{N}.\\-_]*)");
    /** A numbered code; a comma for the dot ("2,3") is read as the dot, as people type it on a phone. */
    private static final Pattern CODE = Pattern.compile("\\b\\d{1,3}(?:[.,]\\d{1,3})+\\b");
    private static final Pattern ID_OR_CODE = Pattern.compile("\\d{1,12}|\\d{1,3}(?:[.,]\\d{1,3})+");
    private static final Pattern PAGE = Pattern.compile("(?iu)\\s+(?:sida|page)\\s+(\\d{1,4})\\s*$");
    private static final Set<String> QUESTION_WORDS = Set.of("hur", "vad", "vilka", "vilken", "nar", "finns",
            "how", "what", "which", "when", "is", "are", "any");
    /** Question forms and filler, folded: "Vad händer med …", "Hur ligger vi till med …", "Lars Holms åtgärder". */
    private static final Set<String> STOP_WORDS = Set.of("hur", "gar", "det", "med", "for", "vad", "ar", "om", "i",
            "pa", "och", "den", "en", "ett", "av", "till", "som", "vilka", "vilken", "finns", "nagra", "nar",
            "hander", "hant", "sker", "ligger", "vi", "ni", "lage", "laget", "status", "beratta", "visa", "kring",
            "galler", "gallande", "handlar", "nagot", "nat", "nagon", "jag", "soker", "letar", "efter", "har",
            "just", "nu", "mig", "atgard", "atgarden", "atgarder", "atgarderna",
            "the", "how", "is", "are", "what", "about", "with", "of", "a", "an", "to", "going", "any", "which",
            "happening", "happens", "show", "me", "tell", "actions");

    static Question parse(String input) {
        String text = MENTION.matcher(input == null ? "" : input).replaceAll(" ").strip();
        int page = 1;
        Matcher pageMatch = PAGE.matcher(text);
        if (pageMatch.find()) {
            page = Math.max(1, Integer.parseInt(pageMatch.group(1)));
            text = text.substring(0, pageMatch.start()).strip();
        }
        String trimmed = text.replaceAll("[?!.,;:]+$", "").strip();
        String[] words = SearchText.fold(trimmed).split(" ");
        String first = words[0];
        String rest = words.length > 1 ? String.join(" ", Arrays.copyOfRange(words, 1, words.length)) : "";
        switch (first) {
            case "", "hjalp", "help", "?" -> {
                return new Question(Kind.HELP, "", page);
            }
            case "mina", "mine", "my" -> {
                return new Question(Kind.MINE, "", page);
            }
            case "forsenade", "forsenad", "forsenat", "overdue", "late" -> {
                return new Question(Kind.OVERDUE, "", page);
            }
            case "kommande", "upcoming", "due" -> {
                return new Question(Kind.UPCOMING, rest, page);
            }
            case "strategi", "strategy" -> {
                return new Question(Kind.STRATEGY, rest, page);
            }
            case "dialoger", "dialogs", "dialog" -> {
                if (rest.isEmpty()) {
                    return new Question(Kind.DIALOGS, "", page);
                }
            }
            case "indikatorer", "indikatorerna", "indicators" -> {
                return new Question(Kind.INDICATORS, "", page);
            }
            case "indikator", "indikatorn", "indicator" -> {
                return rest.isEmpty() ? new Question(Kind.INDICATORS, "", page) : new Question(Kind.INDICATOR, rest, page);
            }
            default -> {
            }
        }
        if (words.length == 1 && ID_OR_CODE.matcher(trimmed).matches()) {
            return new Question(Kind.DETAIL, trimmed.replace(',', '.'), page);
        }
        Matcher reference = ACTION_REFERENCE.matcher(text);
        if (reference.find()) {
            return new Question(Kind.DETAIL, reference.group(1).replaceAll("[.\\-_]+$", ""), page);
        }
        Matcher code = CODE.matcher(text);
        if (code.find()) {
            return new Question(Kind.DETAIL, code.group().replace(',', '.'), page);
        }
        if (Arrays.stream(words).anyMatch(QUESTION_WORDS::contains) || text.endsWith("?")) {
            Optional<Question> command = commandWordIn(words, page);
            if (command.isPresent()) {
                return command.get();
            }
        }
        return new Question(Kind.SEARCH, searchWords(words, trimmed), page);
    }

    /** The question as the person wrote it, without mentions and page: for headings. */
    static String asWritten(String input) {
        String text = MENTION.matcher(input == null ? "" : input).replaceAll(" ").strip();
        Matcher pageMatch = PAGE.matcher(text);
        return (pageMatch.find() ? text.substring(0, pageMatch.start()) : text).strip();
    }

    private static Optional<Question> commandWordIn(String[] words, int page) {
        for (String word : words) {
            switch (word) {
                case "mina", "mine", "my" -> {
                    return Optional.of(new Question(Kind.MINE, "", page));
                }
                case "forsenade", "forsenat", "forsenad", "overdue", "late" -> {
                    return Optional.of(new Question(Kind.OVERDUE, "", page));
                }
                case "dialoger", "dialog", "dialogs", "dialogen" -> {
                    return Optional.of(new Question(Kind.DIALOGS, "", page));
                }
                case "kommande", "upcoming" -> {
                    return Optional.of(new Question(Kind.UPCOMING, "", page));
                }
                case "indikatorer", "indikatorerna", "indicators" -> {
                    return Optional.of(new Question(Kind.INDICATORS, "", page));
                }
                default -> {
                }
            }
        }
        return Optional.empty();
    }

    /** Search words without question filler; the original words when only filler was given. */
    private static String searchWords(String[] words, String original) {
        var kept = new ArrayList<String>();
        for (String word : words) {
            String clean = word.replaceAll("[^\\p{L}\\p{N}.\\-]", "");
            if (!clean.isEmpty() && !STOP_WORDS.contains(clean)) {
                kept.add(clean);
            }
        }
        return kept.isEmpty() ? original : String.join(" ", kept);
    }

    /** The command word closest to {@code word} when it is near enough to be a typo of it. */
    static Optional<String> closestCommand(String word) {
        String folded = SearchText.fold(word).split(" ")[0];
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String command : COMMAND_WORDS) {
            int distance = EditDistance.between(folded, SearchText.fold(command));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = command;
            }
        }
        int allowed = Math.max(2, folded.length() / 2);
        return folded.isEmpty() || bestDistance > allowed ? Optional.empty() : Optional.ofNullable(best);
    }
}
