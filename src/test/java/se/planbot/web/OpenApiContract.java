package se.planbot.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Planbot's OpenAPI document as a test reads it: which operation a request hits, and whether a
 * real answer is one the document promises (status listed, media type listed, body valid against
 * the schema). The schemas are checked by networknt's JSON Schema 2020-12 validator, not by us.
 */
public final class OpenApiContract {

    /** Where the document is registered for the validator; never fetched. */
    private static final String BASE = "https://planbot.test/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** OpenAPI 3.1's schema dialect; the document's own top-level fields are read as annotations, not schema keywords. */
    private static final Dialect DIALECT = Dialect.builder(Dialects.getOpenApi31())
            .keywords(List.of("openapi", "info", "servers", "tags", "paths", "components", "security").stream()
                    .map(AnnotationKeyword::new).toList())
            .build();

    private final JsonNode document;
    private final SchemaRegistry schemas;

    private OpenApiContract(String text) {
        try {
            this.document = JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.schemas = SchemaRegistry.withDefaultDialect(DIALECT, registry -> registry
                .schemas(Map.of(BASE, text))
                .schemaLoader(loader -> loader.fetchRemoteResources(false))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    /** The document Planbot serves. */
    public static OpenApiContract served() {
        return of(new String(OpenApiDocument.read(), StandardCharsets.UTF_8));
    }

    public static OpenApiContract of(String documentText) {
        return new OpenApiContract(documentText);
    }

    public JsonNode document() {
        return document;
    }

    /** Every operation the document names, as "METHOD /path/{template}", with its {@code x-planbot-role}. */
    public Map<String, String> roles() {
        var roles = new TreeMap<String, String>();
        JsonNode paths = document.get("paths");
        paths.fieldNames().forEachRemaining(template -> paths.get(template).fields().forEachRemaining(entry -> {
            if (!entry.getKey().equals("parameters")) {
                roles.put(entry.getKey().toUpperCase(Locale.ROOT) + " " + template,
                        entry.getValue().path("x-planbot-role").asText("(none)"));
            }
        }));
        return roles;
    }

    /**
     * How the document and the route table differ, given the table's API routes ("METHOD /path")
     * with their roles: a route without a path in the document, a documented route the table does
     * not have, a role that differs, or an operation whose {@code security} says another role than
     * its {@code x-planbot-role}. Empty when they agree.
     */
    public List<String> drift(Map<String, String> routeRoles) {
        var drift = new ArrayList<String>();
        Map<String, String> documented = roles();
        routeRoles.forEach((route, role) -> {
            if (!documented.containsKey(route)) {
                drift.add(route + ": in the route table, but not in the OpenAPI document");
            } else if (!documented.get(route).equals(role)) {
                drift.add(route + ": the route table says " + role + ", the OpenAPI document " + documented.get(route));
            }
        });
        documented.keySet().stream().filter(route -> !routeRoles.containsKey(route))
                .forEach(route -> drift.add(route + ": in the OpenAPI document, but not in the route table"));
        documented.forEach((route, role) -> {
            String[] parts = route.split(" ", 2);
            JsonNode security = document.get("paths").get(parts[1]).get(parts[0].toLowerCase(Locale.ROOT)).get("security");
            String declared = security == null ? "(global)" : security.isEmpty() ? "public"
                    : security.get(0).path("apiToken").path(0).asText("(any token)");
            if (!declared.equals(role)) {
                drift.add(route + ": x-planbot-role is " + role + " but security says " + declared);
            }
        });
        return drift;
    }

    /** The document's path template that a concrete path falls under: /api/v1/actions/6 → /api/v1/actions/{id}. */
    public Optional<String> template(String path) {
        for (Iterator<String> templates = document.get("paths").fieldNames(); templates.hasNext(); ) {
            String template = templates.next();
            if (path.matches(template.replace(".", "\\.").replaceAll("\\{[^}]+}", "[^/]+"))) {
                return Optional.of(template);
            }
        }
        return Optional.empty();
    }

    /**
     * What is wrong with {@code response} as an answer to its request, by the document: empty when
     * it is an answer the document promises.
     */
    public List<String> problems(HttpResponse<String> response) {
        String method = response.request().method().toLowerCase(Locale.ROOT);
        URI uri = response.request().uri();
        var headers = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        response.headers().map().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        return problems(method, uri.getPath(), response.statusCode(), headers, response.body());
    }

    /** {@code headers} by name as the response has them (the HttpResponse overload ignores case). */
    public List<String> problems(String method, String path, int status, Map<String, String> headers, String body) {
        String request = method.toUpperCase(Locale.ROOT) + " " + path + " → " + status;
        var problems = new ArrayList<String>();
        Optional<String> template = template(path);
        if (template.isEmpty()) {
            return List.of(request + ": no path in the document");
        }
        String operationPointer = "/paths/" + escape(template.get()) + "/" + method;
        if (document.at(operationPointer).isMissingNode()) {
            return List.of(request + ": the document has no " + method + " on " + template.get());
        }
        String responsePointer = operationPointer + "/responses/" + status;
        if (document.at(responsePointer).isMissingNode()) {
            return List.of(request + ": status " + status + " is not among the documented responses");
        }
        responsePointer = followRef(responsePointer);
        document.at(responsePointer + "/headers").fields().forEachRemaining(header -> {
            if (header.getValue().path("required").asBoolean() && !headers.containsKey(header.getKey())) {
                problems.add(request + ": no " + header.getKey() + " header, which the document says is always there");
            }
        });
        String mediaType = headers.getOrDefault("Content-Type", "").split(";")[0].trim();
        JsonNode content = document.at(responsePointer + "/content");
        if (content.isMissingNode()) {
            return body.isEmpty() ? problems : List.of(request + ": a body where the document promises none");
        }
        if (!content.has(mediaType)) {
            return List.of(request + ": Content-Type '" + mediaType + "' is not documented (" + names(content) + ")");
        }
        JsonNode schema = content.get(mediaType).get("schema");
        if (!mediaType.endsWith("json") || schema == null) {
            return problems;
        }
        var validator = schemas.getSchema(SchemaLocation.of(BASE + "#" + responsePointer + "/content/"
                + escape(mediaType) + "/schema"));
        for (Error error : validator.validate(body, InputFormat.JSON)) {
            problems.add(request + ": " + error.getInstanceLocation() + " " + error.getMessage());
        }
        return problems;
    }

    /** A response given as {@code $ref} to components/responses: the pointer to what it names. */
    private String followRef(String pointer) {
        JsonNode ref = document.at(pointer).get("$ref");
        return ref == null ? pointer : ref.asText().substring(1);
    }

    private static String names(JsonNode object) {
        var names = new ArrayList<String>();
        object.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    /** JSON Pointer escaping (RFC 6901). */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
