package se.planbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.TestPlanbot;

/**
 * {@code GET /api/v1/openapi.json} is public, and the document it serves passes two validators that
 * are not ours (openapi-check/check.mjs: the OpenAPI Initiative's 3.1 schema and Redocly's strict
 * rules, which also check every example against its schema). Needs {@code .ci/needs-openapi.sh}.
 */
class OpenApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void the_document_is_served_to_anyone_without_a_token_and_passes_independent_validators() throws Exception {
        Path served = folder.resolve("served.json");
        try (var planbot = TestPlanbot.started(folder)) {
            var response = planbot.get(OpenApiDocument.PATH);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("application/json"));
            assertThat(response.body()).isEqualTo(new String(OpenApiDocument.read(), StandardCharsets.UTF_8));
            Files.writeString(served, response.body());
        }

        var result = check(served);

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("schema: valid OpenAPI 3.1", "lint: redocly recommended-strict passed");
    }

    @Test
    void the_validators_reject_an_unresolved_reference_and_an_example_that_breaks_its_schema() throws Exception {
        var document = (ObjectNode) JSON.readTree(OpenApiDocument.read());
        ((ObjectNode) document.at("/paths/~1api~1v1~1program/get/responses/200/content/application~1json/schema"))
                .put("$ref", "#/components/schemas/Programme");
        ((ObjectNode) document.at("/components/schemas/Action/example")).put("status", "klar");
        Path broken = folder.resolve("broken.json");
        JSON.writeValue(broken.toFile(), document);

        var result = check(broken);

        assertThat(result.exit()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("Programme", "no-invalid-schema-examples");
    }

    private record Check(int exit, String output) {
    }

    private static Check check(Path document) throws IOException, InterruptedException {
        Path tools = Path.of("openapi-check");
        assertThat(tools.resolve("node_modules/@redocly/cli")).as("run .ci/needs-openapi.sh first").exists();
        Path log = document.resolveSibling(document.getFileName() + ".log");
        Process process = new ProcessBuilder(List.of("node", "check.mjs", document.toAbsolutePath().toString()))
                .directory(tools.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("openapi-check/check.mjs did not finish: " + Files.readString(log));
        }
        return new Check(process.exitValue(), Files.readString(log));
    }
}
