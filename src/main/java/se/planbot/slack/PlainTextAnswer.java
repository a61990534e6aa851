package se.planbot.slack;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** An {@link Answer} as plain text: what {@code planbot ask} prints. Same content as the Slack answer. */
public final class PlainTextAnswer {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Texts texts;
    private final ActionText actions;
    private final String command;
    private final ZoneId zone;

    public PlainTextAnswer(Texts texts, ZoneId zone, String command) {
        this.texts = texts;
        this.actions = new ActionText(texts, zone);
        this.command = command;
        this.zone = zone;
    }

    public String render(Answer answer) {
        var out = new StringBuilder();
        if (answer instanceof Answer.Help help) {
            if (!help.unknown().isEmpty()) {
                out.append(texts.get("help.unknown", help.unknown())).append('\n');
                if (!help.suggestion().isEmpty()) {
                    out.append(texts.get("help.suggest", help.suggestion())).append('\n');
                }
                out.append('\n');
            }
            out.append(texts.get("help.title")).append('\n')
                    .append(texts.get("help.examples", command)).append('\n')
                    .append(texts.get("help.mention")).append('\n');
        } else if (answer instanceof Answer.Detail detail) {
            var action = detail.action();
            out.append(actions.name(action)).append('\n')
                    .append(texts.get("status")).append(": ").append(actions.status(action)).append('\n')
                    .append(texts.get("progress")).append(": ").append(action.progress()).append(" %\n")
                    .append(texts.get("owner")).append(": ").append(actions.owner(action)).append('\n')
                    .append(texts.get("deadline")).append(": ").append(actions.deadline(action, detail.today()))
                    .append('\n')
                    .append(detail.lastChange().map(actions::lastChange).orElse(texts.get("last.none")))
                    .append('\n');
        } else if (answer instanceof Answer.ActionList list) {
            out.append(list.heading()).append('\n');
            if (list.total() == 0) {
                out.append(list.emptyText()).append('\n');
            }
            for (var action : list.actions()) {
                out.append("• ").append(actions.name(action)).append(" — ")
                        .append(actions.summary(action, list.today())).append('\n');
            }
            if (list.total() > list.actions().size()) {
                out.append(texts.get("list.count", list.first(), list.last(), list.total()));
                if (!list.nextQuery().isEmpty()) {
                    out.append(' ').append(texts.get("list.more", command + " " + list.nextQuery()));
                }
                out.append('\n');
            }
        } else if (answer instanceof Answer.Dialogs dialogs) {
            out.append(texts.get("dialogs.title")).append('\n');
            if (dialogs.dialogs().isEmpty()) {
                out.append(texts.get("dialogs.none")).append('\n');
            }
            for (var dialog : dialogs.dialogs()) {
                out.append("• ").append(texts.get("dialogs.at", dialog.title(),
                        WHEN.format(dialog.start().withZoneSameInstant(zone)), dialog.place()));
                if (dialog.url() != null && !dialog.url().isBlank()) {
                    out.append(" ").append(dialog.url());
                }
                out.append('\n');
            }
        } else if (answer instanceof Answer.Lines lines) {
            out.append(lines.heading()).append('\n');
            lines.lines().forEach(line -> out.append("• ").append(line).append('\n'));
            out.append(lines.url()).append('\n');
        } else if (answer instanceof Answer.Proposals proposals) {
            out.append(texts.get("proposals.title")).append('\n');
            if (proposals.proposals().isEmpty()) {
                out.append(texts.get("proposals.none")).append('\n');
            }
            for (var proposal : proposals.proposals()) {
                out.append("• ").append(texts.get("proposals.item", String.valueOf(proposal.id()), proposal.title(), proposal.state()))
                        .append(' ').append(proposal.url()).append('\n');
            }
        } else if (answer instanceof Answer.Notice notice) {
            out.append(notice.text()).append('\n');
        }
        return out.toString().replace("`", "");
    }
}
