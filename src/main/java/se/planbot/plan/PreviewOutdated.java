package se.planbot.plan;

/**
 * Applying an import refused, nothing changed: the plan (or the strategies, or the people) changed
 * since the preview, so the sheet would now do something else. {@link #preview} is what it would do now.
 */
public final class PreviewOutdated extends RuntimeException {

    private final transient ImportPreview preview;

    public PreviewOutdated(ImportPreview preview) {
        super("åtgärdsplanen har ändrats sedan förhandsvisningen");
        this.preview = preview;
    }

    public ImportPreview preview() {
        return preview;
    }
}
