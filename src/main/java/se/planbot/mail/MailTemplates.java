package se.planbot.mail;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.FileLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Mail texts from Pebble templates on disk, so the coordinator's wording can change without a
 * rebuild (a restart reloads them): {@code <templates.dir>/mail/<locale>/<name>.subject.peb},
 * {@code .txt.peb} and {@code .html.peb}. English falls back to Swedish file by file.
 * HTML is autoescaped; subject and text are not (they are not HTML).
 */
public final class MailTemplates {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,60}");
    private static final String FALLBACK = "sv";

    private final Path directory;
    private final PebbleEngine html;
    private final PebbleEngine plain;

    public MailTemplates(Path directory) {
        this.directory = directory;
        this.html = new PebbleEngine.Builder().loader(loader(directory)).autoEscaping(true)
                .extension(FirstName.EXTENSION).build();
        this.plain = new PebbleEngine.Builder().loader(loader(directory)).autoEscaping(false)
                .newLineTrimming(false).extension(FirstName.EXTENSION).build();
    }

    private static FileLoader loader(Path directory) {
        var loader = new FileLoader(directory.toAbsolutePath().toString());
        loader.setCharset("UTF-8");
        return loader;
    }

    /** Renders {@code name} for {@code locale}; a missing template or a template error is a {@link MailProblem}. */
    public RenderedMail render(String name, Locale locale, Map<String, Object> model) throws MailProblem {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new MailProblem("ogiltigt mallnamn '" + name + "'");
        }
        String language = locale == null ? FALLBACK : locale.getLanguage();
        String subject = evaluate(plain, file(name, language, "subject"), model, locale);
        String text = evaluate(plain, file(name, language, "txt"), model, locale);
        String body = evaluate(html, file(name, language, "html"), model, locale);
        return new RenderedMail(oneLine(subject), text, body);
    }

    private String file(String name, String language, String kind) throws MailProblem {
        String wanted = "mail/" + language + "/" + name + "." + kind + ".peb";
        if (Files.isRegularFile(directory.resolve(wanted))) {
            return wanted;
        }
        String fallback = "mail/" + FALLBACK + "/" + name + "." + kind + ".peb";
        if (Files.isRegularFile(directory.resolve(fallback))) {
            return fallback;
        }
        throw new MailProblem("mallen " + directory.resolve(wanted) + " saknas");
    }

    private static String evaluate(PebbleEngine engine, String file, Map<String, Object> model, Locale locale)
            throws MailProblem {
        try {
            var writer = new StringWriter();
            engine.getTemplate(file).evaluate(writer, model, locale);
            return writer.toString();
        } catch (PebbleException | IOException e) {
            throw new MailProblem("mallen " + file + " kan inte användas: " + e.getMessage());
        }
    }

    /** A subject is one line: any CR, LF or run of whitespace becomes one space, so it can never start a header. */
    static String oneLine(String text) {
        return text.replaceAll("[\\s\\u0085\\u2028\\u2029]+", " ").trim();
    }
}
