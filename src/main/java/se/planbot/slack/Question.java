package se.planbot.slack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.planbot.plan.SearchText;
import se.planbot.problem.EditDistance;

/**
 * A question read from words, Swedish or English, in a slash command or a mention:
 * {@code 12}, {@code 2.3}, {@code mina}, {@code försenade}, {@code kommande 30}, {@code strategi 2},
 * {@code dialoger}, {@code förslag}, {@code indikatorer}, {@code indikator 3}, {@code hjälp}, or search words; "sida N"/"page N" at the end picks a page.
 * A sentence ("hur går det med åtgärd 12?") is searched for an action reference or a command word.
 */
record Question(Kind kind, String argument, int page) {

    enum Kind { HELP, DETAIL, MINE, OVERDUE, UPCOMING, STRATEGY, DIALOGS, PROPOSALS, INDICATORS, INDICATOR, SEARCH }

    /** The command words in Swedish and, in the same order, in English; both are understood. */
    static final List<String> SWEDISH_COMMANDS = List.of("hjälp", "mina", "försenade", "kommande", "strategi", "dialoger", "förslag",
            "indikatorer", "indikator");
    static final List<String> ENGLISH_COMMANDS = List.of("help", "mine", "overdue", "upcoming", "strategy", "dialogs", "proposals",
            "indicators", "indicator");

    private static final Pattern MENTION = Pattern.compile("<[@#!][^>]*>");
    private static final Pattern ACTION_REFERENCE = Pattern.compile(
            "(?iu)(?:åtgärd(?:en)?|atgard(?:en)?|action|status|nr|#)\\s*#?(\\p{L}{0,3}\\p{N}[\\p{L}\\p{N}.\\-_]*)");
    /** A numbered code; a comma for the dot ("2,3") is read as the dot, as people type it on a phone. */
    private static final Pattern CODE = Pattern.compile("\\b\\d{1,3}(?:[.,]\\d{1,3})+\\b");
    private static final Pattern ID_OR_CODE = Pattern.compile("\\d{1,12}|\\d{1,3}(?:[.,]\\d{1,3})+");
    private static final Pattern PAGE = Pattern.compile("(?iu)\\s+(?:sida|page)\\s+(\\d{1,4})\\s*$");
    private static final Pattern END_PUNCTUATION = Pattern.compile("[?!.,;:]+$");
    private static final Pattern REFERENCE_END = Pattern.compile("[.\\-_]+$");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}.\\-]");
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
        String trimmed = END_PUNCTUATION.matcher(text).replaceAll("").strip();
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
            case "forslag", "forslagen", "proposals", "proposal" -> {
                if (rest.isEmpty()) {
                    return new Question(Kind.PROPOSALS, "", page);
                }
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
            return new Question(Kind.DETAIL, REFERENCE_END.matcher(reference.group(1)).replaceAll(""), page);
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

    /**
     * Help, or one action looked up by id or code (one indexed row and its newest history entry):
     * answered at once, where a list, a search or the dialogs may take longer than Slack waits.
     */
    boolean readyAtOnce() {
        return kind == Kind.HELP || kind == Kind.DETAIL;
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
            String clean = NOT_WORD.matcher(word).replaceAll("");
            if (!clean.isEmpty() && !STOP_WORDS.contains(clean)) {
                kept.add(clean);
            }
        }
        return kept.isEmpty() ? original : String.join(" ", kept);
    }

    /** The Swedish command word closest to {@code word} when it is near enough to be a typo of it. */
    static Optional<String> closestCommand(String word) {
        return closestCommand(word, Locale.forLanguageTag("sv-SE"));
    }

    /**
     * The command word closest to {@code word} when it is near enough to be a typo of it, suggested in
     * the asker's language: a Swedish typo of "help" is answered with "hjälp".
     */
    static Optional<String> closestCommand(String word, Locale language) {
        boolean english = "en".equals(language.getLanguage());
        List<String> suggested = english ? ENGLISH_COMMANDS : SWEDISH_COMMANDS;
        String folded = SearchText.fold(word).split(" ")[0];
        int best = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (List<String> words : List.of(SWEDISH_COMMANDS, ENGLISH_COMMANDS)) {
            for (int i = 0; i < words.size(); i++) {
                int distance = EditDistance.between(folded, SearchText.fold(words.get(i)));
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = i;
                }
            }
        }
        int allowed = Math.max(2, folded.length() / 2);
        return folded.isEmpty() || bestDistance > allowed ? Optional.empty() : Optional.of(suggested.get(best));
    }
}
