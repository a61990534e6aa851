package se.planbot.slack;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import se.planbot.plan.Action;
import se.planbot.plan.ActionDetail;
import se.planbot.plan.ActionFilter;
import se.planbot.plan.ActionPage;
import se.planbot.plan.Person;
import se.planbot.plan.PlanService;
import se.planbot.plan.Strategy;

/**
 * Answers a question about the plan: the one engine behind the slash command, mentions, the
 * App Home and {@code planbot ask}. It only reads; {@link Answer} is rendered by the caller.
 */
public final class QuestionEngine {

    static final int PAGE_SIZE = 15;
    static final int DEFAULT_UPCOMING_DAYS = 30;
    private static final Pattern PAGE_SUFFIX = Pattern.compile("(?iu)\\s+(?:sida|page)\\s+\\d{1,4}\\s*$");
    private static final Comparator<Action> BY_DEADLINE = Comparator.comparing(Action::deadline,
            Comparator.nullsLast(Comparator.naturalOrder()));

    private final PlanService plan;
    private final UpcomingDialogs dialogs;
    private final IndicatorAnswers indicators;
    private final String command;
    private final Texts texts;
    private ProposalsUnderReview proposals = ProposalsUnderReview.none();

    public QuestionEngine(PlanService plan, UpcomingDialogs dialogs, String command, Texts texts) {
        this(plan, dialogs, IndicatorAnswers.none(), command, texts);
    }

    public QuestionEngine(PlanService plan, UpcomingDialogs dialogs, IndicatorAnswers indicators, String command,
            Texts texts) {
        this.plan = plan;
        this.dialogs = dialogs;
        this.indicators = indicators;
        this.command = command;
        this.texts = texts;
    }

    /** Where {@code förslag} reads the proposals from (the proposals feature, built after Slack). */
    public void proposalsFrom(ProposalsUnderReview proposals) {
        this.proposals = proposals;
    }

    public Texts texts() {
        return texts;
    }

    public String command() {
        return command;
    }

    /** The answer to {@code text} asked by {@code slackUserId} (empty when nobody is known, e.g. the CLI). */
    public Answer answer(String text, Optional<String> slackUserId) {
        String query = text == null ? "" : text.strip();
        return answer(query, Question.parse(query), slackUserId);
    }

    /** The answer to {@code query}, already read as {@code question} (the caller decided where to run it). */
    Answer answer(String query, Question question, Optional<String> slackUserId) {
        LocalDate today = plan.today();
        return switch (question.kind()) {
            case HELP -> new Answer.Help(query, "", "");
            case DETAIL -> plan.actionDetail(question.argument())
                    .<Answer>map(found -> new Answer.Detail(query, found.action(), found.lastChange(), today))
                    .orElseGet(() -> new Answer.Notice(query,
                            texts.get("notice.not-found", question.argument(), command)));
            case MINE -> mine(query, question, slackUserId, today);
            case OVERDUE -> list(query, question, texts.get("list.overdue"), plan::overdue,
                    texts.get("list.empty.overdue"), today);
            case UPCOMING -> upcoming(query, question, today);
            case STRATEGY -> strategy(query, question, today);
            case DIALOGS -> new Answer.Dialogs(query, dialogs.upcoming(PAGE_SIZE));
            case INDICATORS -> indicators.list(query, texts);
            case INDICATOR -> indicators.detail(query, question.argument(), command, texts);
            case PROPOSALS -> new Answer.Proposals(query, proposals.waiting(PAGE_SIZE));
            case SEARCH -> search(query, question, today);
        };
    }

    private Answer mine(String query, Question question, Optional<String> slackUserId, LocalDate today) {
        if (slackUserId.isEmpty()) {
            return new Answer.Notice(query, texts.get("notice.who"));
        }
        Optional<Person> person = plan.personBySlackUserId(slackUserId.get());
        if (person.isEmpty()) {
            return new Answer.Notice(query, texts.get("notice.not-linked", slackUserId.get()));
        }
        long personId = person.get().id();
        return list(query, question, texts.get("list.mine"), (offset, limit) -> plan.actionsOf(personId, offset, limit),
                texts.get("list.empty.mine"), today);
    }

    /** The actions of {@code slackUserId}'s person, soonest deadline first; empty if not linked. */
    public Optional<List<Action>> actionsOf(String slackUserId) {
        return plan.personBySlackUserId(slackUserId)
                .map(person -> sorted(plan.actions(new ActionFilter(null, null, person.id(), false, null))));
    }

    private Answer upcoming(String query, Question question, LocalDate today) {
        int days = DEFAULT_UPCOMING_DAYS;
        if (!question.argument().isBlank()) {
            String word = question.argument().split(" ")[0];
            if (!word.matches("\\d{1,3}") || Integer.parseInt(word) < 1 || Integer.parseInt(word) > 365) {
                return new Answer.Notice(query, texts.get("notice.bad-days", command));
            }
            days = Integer.parseInt(word);
        }
        LocalDate until = today.plusDays(days);
        return list(query, question, texts.count("list.upcoming", days),
                (offset, limit) -> plan.dueBetween(today, until, offset, limit), texts.count("list.empty.upcoming", days),
                today);
    }

    private Answer strategy(String query, Question question, LocalDate today) {
        List<Strategy> strategies = plan.strategies();
        String known = strategies.stream().map(s -> s.id() + " " + s.title()).collect(Collectors.joining(", "));
        String word = question.argument().isBlank() ? "" : question.argument().split(" ")[0];
        if (!word.matches("\\d{1,2}")) {
            return new Answer.Notice(query, texts.get("notice.bad-strategy", command, known));
        }
        int id = Integer.parseInt(word);
        Optional<Strategy> strategy = strategies.stream().filter(s -> s.id() == id).findFirst();
        if (strategy.isEmpty()) {
            return new Answer.Notice(query, texts.get("notice.unknown-strategy", id, known));
        }
        return list(query, question, texts.get("list.strategy", id, strategy.get().title()),
                (offset, limit) -> plan.inStrategy(id, offset, limit), texts.get("list.empty.strategy", id), today);
    }

    private Answer search(String query, Question question, LocalDate today) {
        String words = question.argument();
        Optional<ActionDetail> byCode = words.contains(" ") ? Optional.empty() : plan.actionDetailWithCode(words);
        if (byCode.isPresent()) {
            return new Answer.Detail(query, byCode.get().action(), byCode.get().lastChange(), today);
        }
        Optional<Person> owner = PersonNames.only(plan.people(), words);
        if (owner.isPresent()) {
            long personId = owner.get().id();
            return list(query, question, texts.get("list.owner", owner.get().name()),
                    (offset, limit) -> plan.actionsOf(personId, offset, limit),
                    texts.get("list.empty.owner", owner.get().name()), today);
        }
        String written = ActionText.clip(Question.asWritten(query), 100);
        ActionPage page = plan.search(words, (question.page() - 1) * PAGE_SIZE, PAGE_SIZE);
        if (page.total() > 0) {
            return list(query, question, texts.get("list.search", written), (offset, limit) -> page, "", today);
        }
        Optional<String> corrected = plan.correctedSearch(words);
        if (corrected.isPresent()) {
            String better = corrected.get();
            return list(query, question, texts.get("list.search.corrected", written, better),
                    (offset, limit) -> plan.search(better, offset, limit), "", today);
        }
        String suggestion = Question.closestCommand(words, texts.locale()).map(word -> command + " " + word).orElse("");
        return new Answer.Help(query, query, suggestion);
    }

    /** One page of a list, read from the database a page at a time. */
    @FunctionalInterface
    private interface Pages {
        ActionPage read(int offset, int limit);
    }

    private Answer list(String query, Question question, String heading, Pages pages, String emptyText,
            LocalDate today) {
        int offset = (question.page() - 1) * PAGE_SIZE;
        ActionPage page = pages.read(offset, PAGE_SIZE);
        int pageCount = Math.max(1, (page.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (question.page() > pageCount) {
            return new Answer.Notice(query, texts.get("notice.bad-page", question.page(), pageCount));
        }
        String base = PAGE_SUFFIX.matcher(query).replaceAll("").strip();
        String next = question.page() < pageCount
                ? (base + " " + texts.get("word.page") + " " + (question.page() + 1)).strip() : "";
        return new Answer.ActionList(query, heading, page.actions(), page.total(), question.page(), PAGE_SIZE,
                next, emptyText, today);
    }

    private static List<Action> sorted(List<Action> actions) {
        return actions.stream().sorted(BY_DEADLINE).toList();
    }
}
