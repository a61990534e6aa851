package se.planbot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import se.planbot.plan.Action;

/**
 * An {@link Answer} as Block Kit, inside Slack's limits: at most 50 blocks (an answer uses about
 * 20: a page is {@value QuestionEngine#PAGE_SIZE} actions), section text ≤ 3,000 characters,
 * header ≤ 150, button values ≤ 2,000. Longer lists end with a count and a "show more" button.
 */
public final class BlockKitAnswer {

    static final String UPDATE = "plan_update";
    static final String SHARE = "plan_share";
    static final String MORE = "plan_more";
    static final int MAX_BLOCKS = 50;
    static final int MAX_SECTION = 3000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Where the answer is shown decides its buttons. */
    public enum Mode { EPHEMERAL, SHARED, THREAD }

    /** Blocks plus the plain fallback Slack shows in notifications. */
    public record Message(String text, List<LayoutBlock> blocks) {
    }

    private final Texts texts;
    private final ActionText lines;
    private final String command;
    private final ZoneId zone;

    public BlockKitAnswer(Texts texts, ZoneId zone, String command) {
        this.texts = texts;
        this.lines = new ActionText(texts, zone);
        this.command = command;
        this.zone = zone;
    }

    public Message render(Answer answer, Mode mode, String sharedBy) {
        var blocks = new ArrayList<LayoutBlock>();
        String fallback;
        if (answer instanceof Answer.Help help) {
            fallback = texts.get("help.title");
            if (!help.unknown().isEmpty()) {
                String unknown = texts.get("help.unknown", ActionText.escape(ActionText.clip(help.unknown(), 200)));
                if (!help.suggestion().isEmpty()) {
                    unknown += "\n" + texts.get("help.suggest", help.suggestion());
                }
                blocks.add(text(unknown));
                fallback = unknown;
            }
            blocks.add(header(h -> h.text(plainText(texts.get("help.title")))));
            blocks.add(text(texts.get("help.examples", command)));
            blocks.add(context(c -> c.elements(List.of(markdownText(texts.get("help.mention"))))));
        } else if (answer instanceof Answer.Detail detail) {
            fallback = detail(detail, blocks);
        } else if (answer instanceof Answer.ActionList list) {
            fallback = list(list, blocks, mode);
        } else if (answer instanceof Answer.Dialogs dialogs) {
            fallback = texts.get("dialogs.title");
            blocks.add(header(h -> h.text(plainText(texts.get("dialogs.title")))));
            if (dialogs.dialogs().isEmpty()) {
                blocks.add(text(texts.get("dialogs.none")));
            }
            for (var dialog : dialogs.dialogs()) {
                String line = texts.get("dialogs.at", ActionText.escape(dialog.title()),
                        WHEN.format(dialog.start().withZoneSameInstant(zone)), ActionText.escape(dialog.place()));
                if (dialog.url() != null && !dialog.url().isBlank()) {
                    line += "\n<" + dialog.url() + "|" + texts.get("button.open") + ">";
                }
                blocks.add(text(line));
            }
        } else if (answer instanceof Answer.Lines lines) {
            fallback = lines.heading();
            blocks.add(header(h -> h.text(plainText(ActionText.clip(lines.heading(), 150)))));
            var text = new StringBuilder();
            for (String line : lines.lines()) {
                String escaped = "• " + ActionText.escape(line);
                if (text.length() + escaped.length() + 1 > MAX_SECTION - 200) {
                    blocks.add(text(text.toString().strip()));
                    text.setLength(0);
                }
                text.append(escaped).append('\n');
            }
            text.append('<').append(lines.url()).append('|').append(texts.get("button.open")).append('>');
            blocks.add(text(text.toString()));
        } else if (answer instanceof Answer.Proposals proposals) {
            fallback = texts.get("proposals.title");
            blocks.add(header(h -> h.text(plainText(texts.get("proposals.title")))));
            if (proposals.proposals().isEmpty()) {
                blocks.add(text(texts.get("proposals.none")));
            }
            for (var proposal : proposals.proposals()) {
                blocks.add(text(texts.get("proposals.item", String.valueOf(proposal.id()), ActionText.escape(proposal.title()),
                        proposal.state()) + "\n<" + proposal.url() + "|" + texts.get("button.open") + ">"));
            }
        } else {
            var notice = (Answer.Notice) answer;
            fallback = notice.text();
            blocks.add(text(notice.text()));
        }
        var buttons = new ArrayList<BlockElement>();
        if (answer instanceof Answer.Detail detail) {
            buttons.add(updateButton(detail.action()));
        }
        if (answer instanceof Answer.ActionList list && !list.nextQuery().isEmpty() && mode != Mode.SHARED) {
            buttons.add(button(b -> b.text(plainText(texts.get("button.more"))).actionId(MORE)
                    .value(ActionText.clip(list.nextQuery(), 2000))));
        }
        if (mode == Mode.EPHEMERAL && !(answer instanceof Answer.Help) && !(answer instanceof Answer.Notice)) {
            buttons.add(button(b -> b.text(plainText(texts.get("button.share"))).actionId(SHARE)
                    .value(ActionText.clip(answer.query(), 2000))));
        }
        if (!buttons.isEmpty()) {
            blocks.add(actions(a -> a.elements(buttons)));
        }
        if (mode == Mode.SHARED && sharedBy != null && !sharedBy.isBlank()) {
            blocks.add(context(c -> c.elements(List.of(markdownText(texts.get("shared.by", sharedBy))))));
        }
        return new Message(ActionText.clip(fallback, MAX_SECTION), List.copyOf(blocks.subList(0,
                Math.min(MAX_BLOCKS, blocks.size()))));
    }

    private String detail(Answer.Detail detail, List<LayoutBlock> blocks) {
        Action action = detail.action();
        String name = lines.name(action);
        blocks.add(header(h -> h.text(plainText(ActionText.clip(name, 150)))));
        List<TextObject> fields = List.of(
                field(texts.get("status"), lines.status(action)),
                field(texts.get("progress"), action.progress() + " %"),
                field(texts.get("owner"), lines.owner(action)),
                field(texts.get("deadline"), lines.deadline(action, detail.today())));
        blocks.add(section(s -> s.fields(fields)));
        if (action.description() != null && !action.description().isBlank()) {
            blocks.add(text(ActionText.escape(ActionText.clip(action.description(), 1000))));
        }
        String last = detail.lastChange().map(lines::lastChange).orElse(texts.get("last.none"));
        blocks.add(context(c -> c.elements(List.of(markdownText(ActionText.clip(ActionText.escape(last), 3000))))));
        return name + ": " + lines.summary(action, detail.today());
    }

    private String list(Answer.ActionList list, List<LayoutBlock> blocks, Mode mode) {
        blocks.add(header(h -> h.text(plainText(ActionText.clip(list.heading(), 150)))));
        if (list.total() == 0) {
            blocks.add(text(list.emptyText()));
        }
        for (Action action : list.actions()) {
            String line = "*" + ActionText.escape(ActionText.clip(lines.name(action), 300)) + "*\n"
                    + ActionText.escape(lines.summary(action, list.today()));
            blocks.add(section(s -> s.text(markdownText(ActionText.clip(line, MAX_SECTION)))
                    .accessory(updateButton(action))));
        }
        if (list.total() > list.actions().size()) {
            String count = texts.get("list.count", list.first(), list.last(), list.total());
            if (mode == Mode.SHARED && !list.nextQuery().isEmpty()) {
                count += " " + texts.get("list.more", command + " " + list.nextQuery());
            }
            String shown = count;
            blocks.add(context(c -> c.elements(List.of(markdownText(shown)))));
        }
        return list.heading() + " (" + list.total() + ")";
    }

    private BlockElement updateButton(Action action) {
        return button(b -> b.text(plainText(texts.get("button.update"))).actionId(UPDATE + "_" + action.id())
                .value(Long.toString(action.id())));
    }

    private static TextObject field(String label, String value) {
        return markdownText("*" + label + "*\n" + ActionText.escape(ActionText.clip(value, 1900)));
    }

    private static LayoutBlock text(String mrkdwn) {
        return section(s -> s.text(markdownText(ActionText.clip(mrkdwn, MAX_SECTION))));
    }
}
