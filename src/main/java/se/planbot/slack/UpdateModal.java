package se.planbot.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import java.util.Arrays;
import java.util.List;
import se.planbot.plan.Action;
import se.planbot.plan.ActionStatus;

/**
 * The "Uppdatera" modal (status, progress, note) and the polite refusal shown instead of it.
 * Block and action ids are the names {@link UpdateFlow} reads the submission by.
 */
final class UpdateModal {

    static final String CALLBACK = "plan_update_modal";
    static final String STATUS = "status";
    static final String PROGRESS = "progress";
    static final String NOTE = "note";
    /** Checkbox block: ticked makes the note public; the default is an internal note. */
    static final String NOTE_PUBLIC = "note_public";
    static final int NOTE_MAX = se.planbot.problem.InputText.NOTE_MAX;

    private final Texts texts;

    UpdateModal(Texts texts) {
        this.texts = texts;
    }

    View form(Action action, String privateMetadata) {
        List<OptionObject> options = Arrays.stream(ActionStatus.values())
                .map(status -> option(plainText(status.label(texts.locale())), status.code())).toList();
        OptionObject current = options.get(action.status().ordinal());
        String title = "*" + ActionText.escape(ActionText.clip(action.code() + " " + action.title(), 2900)) + "*";
        return view(v -> v.type("modal").callbackId(CALLBACK).privateMetadata(privateMetadata)
                .title(viewTitle(t -> t.type("plain_text").text(texts.get("modal.title"))))
                .submit(viewSubmit(s -> s.type("plain_text").text(texts.get("modal.submit"))))
                .close(viewClose(c -> c.type("plain_text").text(texts.get("modal.cancel"))))
                .blocks(List.of(
                        section(s -> s.text(markdownText(title))),
                        input(i -> i.blockId(STATUS).label(plainText(texts.get("modal.status")))
                                .element(staticSelect(e -> e.actionId(STATUS).options(options).initialOption(current)))),
                        input(i -> i.blockId(PROGRESS).label(plainText(texts.get("modal.progress")))
                                .element(plainTextInput(e -> e.actionId(PROGRESS)
                                        .initialValue(Integer.toString(action.progress())).maxLength(3)))),
                        input(i -> i.blockId(NOTE).label(plainText(texts.get("modal.note"))).optional(true)
                                .hint(plainText(texts.get("modal.note.hint")))
                                .element(plainTextInput(e -> e.actionId(NOTE).multiline(true)
                                        .maxLength(NOTE_MAX)))),
                        input(i -> i.blockId(NOTE_PUBLIC).label(plainText(texts.get("modal.note.visibility")))
                                .optional(true)
                                .element(checkboxes(e -> e.actionId(NOTE_PUBLIC).options(List.of(
                                        option(plainText(texts.get("modal.note.public")), "public")))))))));
    }

    View refusal(String text) {
        return view(v -> v.type("modal").callbackId("plan_refusal")
                .title(viewTitle(t -> t.type("plain_text").text(texts.get("refusal.title"))))
                .close(viewClose(c -> c.type("plain_text").text(texts.get("modal.close"))))
                .blocks(List.of(section(s -> s.text(markdownText(text))))));
    }
}
