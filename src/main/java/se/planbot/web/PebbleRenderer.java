package se.planbot.web;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.FileLoader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import se.planbot.config.ConfigException;

/**
 * Javalin's file renderer on Pebble: templates come from the {@code templates.dir} folder (editable
 * without rebuilding; the loader refuses {@code ../}), HTML autoescaping on. Page texts live beside
 * them in {@code web/messages_sv.properties} and {@code web/messages_en.properties} (English falls
 * back to Swedish key by key) and reach templates as {@code t}.
 */
public final class PebbleRenderer implements FileRenderer {

    private final PebbleEngine engine;
    private final Path directory;
    private final Map<String, Map<String, String>> messages = new LinkedHashMap<>();

    public PebbleRenderer(Path directory) {
        this.directory = directory;
        if (!Files.isDirectory(directory.resolve("web"))) {
            throw new ConfigException("Ogiltig konfiguration: templates.dir = '" + directory
                    + "': mappen " + directory.resolve("web") + " finns inte");
        }
        var loader = new FileLoader(directory.toAbsolutePath().toString());
        loader.setCharset("UTF-8");
        this.engine = new PebbleEngine.Builder().loader(loader).autoEscaping(true).strictVariables(false)
                .defaultLocale(Locale.forLanguageTag("sv-SE")).build();
        Map<String, String> swedish = load("sv");
        Map<String, String> english = new LinkedHashMap<>(swedish);
        english.putAll(load("en"));
        messages.put("sv", Map.copyOf(swedish));
        messages.put("en", Map.copyOf(english));
    }

    @Override
    @SuppressWarnings("unchecked")
    public String render(String path, Map<String, ?> model, Context ctx) {
        Locale locale = model.get("locale") instanceof Locale given ? given : Locale.forLanguageTag("sv-SE");
        var writer = new StringWriter();
        try {
            engine.getTemplate(path).evaluate(writer, (Map<String, Object>) model, locale);
        } catch (IOException e) {
            throw new UncheckedIOException("rendering " + path + " failed", e);
        }
        return writer.toString();
    }

    /** The page texts in {@code locale}'s language (sv unless English). */
    public Map<String, String> messages(Locale locale) {
        return messages.get("en".equals(locale.getLanguage()) ? "en" : "sv");
    }

    /** A static text file under the templates folder's web/ (the style sheet). */
    public String webFile(String name) {
        try {
            return Files.readString(directory.resolve("web").resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + name + " failed", e);
        }
    }

    /** The public pages' texts, then the console's (web/console/), in one map. */
    private Map<String, String> load(String language) {
        var map = load(directory.resolve("web").resolve("messages_" + language + ".properties"));
        map.putAll(load(directory.resolve("web").resolve("console").resolve("messages_" + language + ".properties")));
        return map;
    }

    private static Map<String, String> load(Path file) {
        var properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new ConfigException("Kan inte läsa sidtexterna " + file + ": " + e.getMessage());
            }
        }
        var map = new LinkedHashMap<String, String>();
        properties.stringPropertyNames().forEach(key -> map.put(key, properties.getProperty(key)));
        return map;
    }
}
