package se.planbot.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Function;
import java.util.Optional;
import se.planbot.problem.Errors;
import se.planbot.problem.InvalidInput;

/**
 * A request's JSON object, read field by field with every mistake collected (wrong type, bad
 * date, unknown field), so one answer lists all of them. Absent fields read as null.
 */
public final class JsonBody {

    private final ObjectNode node;
    private final Errors errors = new Errors();

    private JsonBody(ObjectNode node) {
        this.node = node;
    }

    public static JsonBody parse(ObjectMapper mapper, String body, Set<String> allowedFields) {
        if (body != null && body.indexOf('\uFFFD') >= 0) {
            // The bytes were decoded with replacement characters: refuse rather than store the damage.
            throw new InvalidInput("body", "ogiltig UTF-8: skicka JSON-texten kodad som UTF-8");
        }
        JsonNode root;
        try {
            // A field given twice is a mistake to name, not "the last one wins".
            root = mapper.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .readTree(body == null || body.isBlank() ? "" : body);
        } catch (JsonProcessingException e) {
            throw new InvalidInput("body", syntaxProblem(e));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInput("body", "förväntade ett JSON-objekt { ... }");
        }
        var json = new JsonBody((ObjectNode) root);
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowedFields.contains(name)) {
                json.errors.add(name, "okänt fält; tillåtna fält: " + String.join(", ", allowedFields.stream().sorted().toList()));
            }
        }
        return json;
    }

    /** Jackson's messages are English parser text; say where the mistake is, in Swedish. */
    private static String syntaxProblem(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        var duplicate = java.util.regex.Pattern.compile("Duplicate field '([^']*)'").matcher(message);
        if (duplicate.find()) {
            return "fältet '" + duplicate.group(1) + "' förekommer två gånger";
        }
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1
                ? "ogiltig JSON; kontrollera citattecken, kommatecken och klamrar"
                : "ogiltig JSON vid rad " + at.getLineNr() + ", tecken " + at.getColumnNr()
                        + "; kontrollera citattecken, kommatecken och klamrar";
    }

    /** Fields given as JSON {@code null}: in a PATCH, "empty this field". */
    public java.util.Set<String> nulls() {
        var fields = new java.util.TreeSet<String>();
        node.fieldNames().forEachRemaining(name -> {
            if (node.get(name).isNull()) {
                fields.add(name);
            }
        });
        return fields;
    }

    public boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    public String text(String field) {
        if (!has(field)) {
            return null;
        }
        JsonNode value = node.get(field);
        if (!value.isTextual()) {
            errors.add(field, "ska vara text");
            return null;
        }
        return value.textValue();
    }

    /** A true/false field; {@code absent} when the body does not have it. */
    public boolean flag(String field, boolean absent) {
        if (!has(field)) {
            return absent;
        }
        JsonNode value = node.get(field);
        if (!value.isBoolean()) {
            errors.add(field, "ska vara true eller false, inte " + value);
            return absent;
        }
        return value.booleanValue();
    }

    public Integer integer(String field) {
        if (!has(field)) {
            return null;
        }
        JsonNode value = node.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            errors.add(field, "ska vara ett heltal, inte " + value);
            return null;
        }
        return value.intValue();
    }

    public Long number(String field) {
        if (!has(field)) {
            return null;
        }
        JsonNode value = node.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            errors.add(field, "ska vara ett heltal, inte " + value);
            return null;
        }
        return value.longValue();
    }

    /** A decimal number (4.1, 3700); text such as "mycket" or "4,1" is refused, naming the field. */
    public java.math.BigDecimal decimal(String field) {
        if (!has(field)) {
            return null;
        }
        JsonNode value = node.get(field);
        if (!value.isNumber()) {
            errors.add(field, "ska vara ett tal (t.ex. 4.1 eller 3700), inte " + value);
            return null;
        }
        return value.decimalValue();
    }

    public LocalDate date(String field) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(field, "'" + text + "' är inget datum (ÅÅÅÅ-MM-DD)");
            return null;
        }
    }

    /** A text field read through {@code parser}; {@code expected} says what is allowed. */
    public <T> T word(String field, Function<String, Optional<T>> parser, String expected) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        Optional<T> value = parser.apply(text);
        if (value.isEmpty()) {
            errors.add(field, "'" + text + "' är inte tillåtet; " + expected);
            return null;
        }
        return value.get();
    }

    public Errors errors() {
        return errors;
    }
}
