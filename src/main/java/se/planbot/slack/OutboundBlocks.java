package se.planbot.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import se.planbot.plan.ActionStatus;

/**
 * The outbox's Slack templates as Block Kit: {@code reminder} (to an owner), {@code digest} (the
 * coordinator channel) and {@code outbox-dead} (messages that gave up). Models are the maps the
 * reminders feature queues; a missing or malformed field is a permanent failure, not a crash.
 */
final class OutboundBlocks {

    static final List<String> TEMPLATES = List.of("reminder", "digest", "outbox-dead");
    private static final int MAX_ITEMS = 40;
    private static final int MAX_LINES = 25;

    BlockKitAnswer.Message render(String template, Map<String, Object> model, Locale locale) {
        Texts texts = Texts.of(locale);
        return switch (template) {
            case "reminder" -> reminder(model, texts);
            case "digest" -> digest(model, texts);
            case "outbox-dead" -> dead(model, texts);
            default -> throw new IllegalArgumentException("okänd Slack-mall '" + template + "' (kända: "
                    + String.join(", ", TEMPLATES) + ")");
        };
    }

    private BlockKitAnswer.Message reminder(Map<String, Object> model, Texts texts) {
        var blocks = new ArrayList<LayoutBlock>();
        String title = texts.get("reminder.title");
        blocks.add(header(h -> h.text(plainText(title))));
        String intro = texts.get("reminder.intro", ActionText.escape(se.planbot.mail.FirstName.of(text(model, "personName"))));
        blocks.add(section(s -> s.text(markdownText(intro))));
        List<Map<String, Object>> items = items(model, "items");
        for (var item : items.subList(0, Math.min(MAX_ITEMS, items.size()))) {
            String line = ActionText.clip(itemLine(item, texts), BlockKitAnswer.MAX_SECTION);
            Object id = item.get("actionId");
            blocks.add(section(s -> {
                s.text(markdownText(line));
                if (id instanceof Number number) {
                    s.accessory(button(b -> b.text(plainText(texts.get("button.update")))
                            .actionId(BlockKitAnswer.UPDATE + "_" + number.longValue())
                            .value(Long.toString(number.longValue()))));
                }
                return s;
            }));
        }
        if (items.size() > MAX_ITEMS) {
            blocks.add(context(c -> c.elements(List.of(markdownText(texts.get("more.items", items.size() - MAX_ITEMS))))));
        }
        return new BlockKitAnswer.Message(title + ": " + intro, blocks);
    }

    private BlockKitAnswer.Message digest(Map<String, Object> model, Texts texts) {
        var blocks = new ArrayList<LayoutBlock>();
        String title = texts.get("digest.title", text(model, "week"));
        blocks.add(header(h -> h.text(plainText(ActionText.clip(title, 150)))));
        for (String part : List.of("overdue", "upcoming", "completed")) {
            var items = items(model, part);
            var lines = items.stream().map(item -> "• " + itemLine(item, texts).replace("\n", " · ")).toList();
            blocks.add(section(s -> s.text(markdownText(list(texts.get("digest." + part, items.size()), lines, texts)))));
        }
        if (model.get("dialogs") instanceof List<?>) {
            var dialogs = items(model, "dialogs");
            var lines = dialogs.stream().map(dialog -> "• " + dialogLine(dialog)).toList();
            blocks.add(section(s -> s.text(markdownText(list(texts.get("digest.dialogs", dialogs.size()), lines, texts)))));
        }
        if (model.get("indicators") instanceof List<?> list && !list.isEmpty()) {
            var indicators = items(model, "indicators");
            var lines = indicators.stream().map(item -> "• " + ActionText.escape(text(item, "line"))).toList();
            blocks.add(section(s -> s.text(markdownText(list(texts.get("digest.indicators", indicators.size()), lines, texts)))));
        }
        if (model.get("proposals") instanceof List<?> proposals && !proposals.isEmpty()) {
            var counts = items(model, "proposals").get(0);
            var lines = new ArrayList<String>(List.of(
                    "• " + texts.get("digest.proposals.new", String.valueOf(counts.get("new"))),
                    "• " + texts.get("digest.proposals.waiting", String.valueOf(counts.get("waiting")),
                            String.valueOf(counts.get("days")))));
            if (counts.get("oldest") instanceof List<?> oldest) {
                for (Object each : oldest) {
                    if (each instanceof Map<?, ?> proposal) {
                        lines.add("  ◦ <" + proposal.get("url") + "|" + ActionText.escape(String.valueOf(proposal.get("title"))) + ">");
                    }
                }
            }
            blocks.add(section(s -> s.text(markdownText(list(texts.get("digest.proposals"), lines, texts)))));
        }
        return new BlockKitAnswer.Message(title, blocks);
    }

    private BlockKitAnswer.Message dead(Map<String, Object> model, Texts texts) {
        var blocks = new ArrayList<LayoutBlock>();
        String title = texts.get("dead.title");
        blocks.add(header(h -> h.text(plainText(title))));
        var items = items(model, "items");
        Object count = model.getOrDefault("count", items.size());
        var lines = items.stream().map(item -> "• " + ActionText.escape(texts.get("dead.item", item.get("id"),
                text(item, "recipient"), text(item, "template"), ActionText.clip(text(item, "lastError"), 200))))
                .toList();
        String intro = texts.count("dead.intro", ((Number) count).longValue(), text(model, "date"));
        blocks.add(section(s -> s.text(markdownText(list(intro, lines, texts)))));
        return new BlockKitAnswer.Message(title + ": " + intro, blocks);
    }

    /** A bold title and up to {@value #MAX_LINES} lines, cut with a count, within 3,000 characters. */
    private static String list(String title, List<String> lines, Texts texts) {
        var text = new StringBuilder("*").append(title).append("*");
        if (lines.isEmpty()) {
            text.append('\n').append(texts.get("digest.none"));
        }
        int shown = 0;
        for (String line : lines) {
            String more = "\n" + texts.get("more.items", lines.size() - shown);
            if (shown == MAX_LINES || text.length() + line.length() + 1 + more.length() > BlockKitAnswer.MAX_SECTION) {
                text.append(more);
                break;
            }
            text.append('\n').append(line);
            shown++;
        }
        return text.toString();
    }

    private static String itemLine(Map<String, Object> item, Texts texts) {
        String name = ActionText.escape(ActionText.clip(text(item, "code") + " " + text(item, "title"), 300));
        String url = text(item, "url");
        String link = url.startsWith("http") ? "<" + url + "|" + name + ">" : name;
        String status = ActionStatus.fromCode(text(item, "status")).map(s -> s.label(texts.locale()))
                .orElse(text(item, "status"));
        String when;
        if (Boolean.TRUE.equals(item.get("overdue"))) {
            long days = number(item, "daysOverdue");
            when = days == 1 ? texts.get("overdue.one") : texts.get("overdue.days", days);
        } else if (item.get("daysLeft") instanceof Number) {
            long days = number(item, "daysLeft");
            when = days == 0 ? texts.get("reminder.due-today")
                    : days == 1 ? texts.get("reminder.one-day-left") : texts.get("reminder.days-left", days);
        } else {
            when = "";
        }
        String deadline = text(item, "deadline");
        return "*" + link + "*\n" + status + " · " + number(item, "progress") + " %"
                + (deadline.isEmpty() ? "" : " · " + texts.get("deadline").toLowerCase(texts.locale()) + " " + deadline)
                + (when.isEmpty() ? "" : " · " + when);
    }

    private static String dialogLine(Map<String, Object> dialog) {
        String title = ActionText.escape(text(dialog, "title"));
        String url = text(dialog, "url");
        String name = url.startsWith("http") ? "<" + url + "|" + title + ">" : title;
        String start = text(dialog, "start").replace('T', ' ');
        String place = text(dialog, "place");
        return name + (start.isEmpty() ? "" : ", " + ActionText.clip(start, 16))
                + (place.isEmpty() ? "" : ", " + ActionText.escape(place));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> model, String key) {
        Object value = model.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(item -> !(item instanceof Map))) {
            throw new IllegalArgumentException("'" + key + "' ska vara en lista av objekt");
        }
        return (List<Map<String, Object>>) list;
    }

    private static String text(Map<String, Object> model, String key) {
        Object value = model.get(key);
        return value == null ? "" : value.toString();
    }

    private static long number(Map<String, Object> model, String key) {
        return model.get(key) instanceof Number number ? number.longValue() : 0;
    }
}
