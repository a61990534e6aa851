package se.planbot.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.view.Views.view;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.planbot.plan.Action;

/**
 * The App Home tab: the user's own actions — what is overdue, what is due within 30 days, and
 * all of them — each with an "Uppdatera" button. Home views allow 100 blocks; longer lists are
 * cut with a count and the command that shows them all.
 */
final class HomeView {

    private static final int MAX_BLOCKS = 100;
    private static final int PER_SECTION = 20;

    private final Texts texts;
    private final ActionText lines;
    private final String command;

    HomeView(Texts texts, ZoneId zone, String command) {
        this.texts = texts;
        this.lines = new ActionText(texts, zone);
        this.command = command;
    }

    /** {@code actions} empty means the Slack user is not linked to a person in the plan. */
    View render(String slackUserId, Optional<List<Action>> actions, LocalDate today) {
        var blocks = new ArrayList<LayoutBlock>();
        blocks.add(header(h -> h.text(plainText(texts.get("home.title")))));
        if (actions.isEmpty()) {
            blocks.add(text(texts.get("notice.not-linked", slackUserId)));
        } else if (actions.get().isEmpty()) {
            blocks.add(text(texts.get("home.none")));
        } else {
            List<Action> mine = actions.get();
            List<Action> overdue = mine.stream().filter(action -> action.isOverdue(today)).toList();
            List<Action> upcoming = mine.stream().filter(action -> action.status().isOpen()
                    && action.deadline() != null && !action.deadline().isBefore(today)
                    && !action.deadline().isAfter(today.plusDays(30))).toList();
            part(blocks, texts.get("home.overdue") + " (" + overdue.size() + ")", overdue, today);
            part(blocks, texts.get("home.upcoming") + " (" + upcoming.size() + ")", upcoming, today);
            part(blocks, texts.get("home.all") + " (" + mine.size() + ")", mine, today);
        }
        blocks.add(context(c -> c.elements(List.of(markdownText(texts.get("help.examples", command)
                .lines().findFirst().orElse(""))))));
        List<LayoutBlock> limited = List.copyOf(blocks.subList(0, Math.min(MAX_BLOCKS, blocks.size())));
        return view(v -> v.type("home").blocks(limited));
    }

    private void part(List<LayoutBlock> blocks, String title, List<Action> actions, LocalDate today) {
        if (actions.isEmpty()) {
            return;
        }
        blocks.add(divider());
        blocks.add(section(s -> s.text(markdownText("*" + ActionText.escape(title) + "*"))));
        for (Action action : actions.subList(0, Math.min(PER_SECTION, actions.size()))) {
            String line = "*" + ActionText.escape(ActionText.clip(lines.name(action), 300)) + "*\n"
                    + ActionText.escape(lines.summary(action, today));
            blocks.add(section(s -> s.text(markdownText(line)).accessory(button(b -> b
                    .text(plainText(texts.get("button.update")))
                    .actionId(BlockKitAnswer.UPDATE + "_" + action.id()).value(Long.toString(action.id()))))));
        }
        if (actions.size() > PER_SECTION) {
            blocks.add(context(c -> c.elements(List.of(markdownText(
                    texts.get("home.more", actions.size() - PER_SECTION, command))))));
        }
    }

    private static LayoutBlock text(String mrkdwn) {
        return section(s -> s.text(markdownText(mrkdwn)));
    }
}
