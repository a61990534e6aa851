package se.planbot.slack;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Slack's words: {@code slack/texts.properties} (Swedish) and {@code texts_en.properties}.
 * No fallback to the JVM's default locale, so a server running in English still answers in Swedish.
 * Placeholders are {@code {0}}, {@code {1}}: plain replacement, no MessageFormat quoting rules.
 */
public final class Texts {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;
    private final Locale locale;

    private Texts(Locale locale) {
        this.locale = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("sv-SE");
        this.bundle = ResourceBundle.getBundle("slack.texts", this.locale, NO_FALLBACK);
    }

    public static Texts of(Locale locale) {
        return new Texts(locale == null ? Locale.forLanguageTag("sv-SE") : locale);
    }

    public Locale locale() {
        return locale;
    }

    /**
     * A text that counts something: {@code key.one} when {@code count} is 1 and the bundle has it
     * ("1 meddelande gav upp"), else {@code key}. The count is {@code {0}}, then {@code more}.
     */
    public String count(String key, long count, Object... more) {
        String chosen = count == 1 && bundle.containsKey(key + ".one") ? key + ".one" : key;
        var arguments = new Object[more.length + 1];
        arguments[0] = count;
        System.arraycopy(more, 0, arguments, 1, more.length);
        return get(chosen, arguments);
    }

    public String get(String key, Object... arguments) {
        String text = bundle.getString(key);
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return text;
    }
}
