package se.planbot.mail;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.List;
import java.util.Map;

/**
 * The name a greeting uses: "Hej Anna!", not "Hej Anna Lindqvist!". The first word of the name as
 * the person wrote it; a name of one word is used whole, an empty name gives "".
 * In templates: {@code {{ name | firstName }}}.
 */
public final class FirstName implements Filter {

    /** The Pebble extension that registers the {@code firstName} filter. */
    public static final AbstractExtension EXTENSION = new AbstractExtension() {
        @Override
        public Map<String, Filter> getFilters() {
            return Map.of("firstName", new FirstName());
        }
    };

    public static String of(String name) {
        if (name == null) {
            return "";
        }
        String trimmed = name.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    @Override
    public List<String> getArgumentNames() {
        return List.of();
    }

    @Override
    public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
            int lineNumber) {
        return of(input == null ? null : input.toString());
    }
}
