package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.auth.TokenRole;
import se.planbot.web.Access;
import se.planbot.web.OpenApiContract;
import se.planbot.web.Route;

/**
 * The OpenAPI document cannot drift from the route table: every /api route of the table is in it
 * with the same role, and it names no route the table does not have.
 */
class OpenApiDriftTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;
    TestPlanbot app;
    OpenApiContract contract;

    @BeforeEach
    void start() {
        app = TestPlanbot.started(folder);
        contract = OpenApiContract.served();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void every_api_route_of_the_table_is_documented_with_its_role_and_nothing_else_is() {
        var roles = apiRoles(app.planbot().routes());

        assertThat(roles).containsEntry("POST /api/v1/outbox/{id}/retry", "admin").hasSizeGreaterThan(20);
        assertThat(contract.drift(roles)).isEmpty();
    }

    @Test
    void a_route_added_to_the_table_without_documenting_it_is_drift() {
        var table = new ArrayList<>(app.planbot().routes());
        table.add(Route.get("/api/v1/widgets", ctx -> ctx.json(List.of()), Access.PUBLIC));

        assertThat(contract.drift(apiRoles(table)))
                .containsExactly("GET /api/v1/widgets: in the route table, but not in the OpenAPI document");
    }

    @Test
    void a_role_changed_in_the_table_but_not_in_the_document_is_drift() {
        var table = app.planbot().routes().stream()
                .map(route -> route.path().equals("/api/v1/subscribers/erase")
                        ? new Route(route.method(), route.path(), route.handler(), Access.token(TokenRole.COORDINATOR))
                        : route)
                .toList();

        assertThat(contract.drift(apiRoles(table))).containsExactly(
                "POST /api/v1/subscribers/erase: the route table says coordinator, the OpenAPI document admin");
    }

    @Test
    void a_documented_route_the_table_lacks_or_a_security_that_disagrees_is_drift() {
        var document = (ObjectNode) contract.document().deepCopy();
        ((ObjectNode) document.get("paths")).set("/api/v1/budgets", JSON.createObjectNode()
                .set("get", JSON.createObjectNode().put("x-planbot-role", "public").set("security", JSON.createArrayNode())));
        ((ObjectNode) document.at("/paths/~1api~1v1~1people/get")).set("security", JSON.createArrayNode());

        assertThat(OpenApiContract.of(document.toString()).drift(apiRoles(app.planbot().routes()))).containsExactlyInAnyOrder(
                "GET /api/v1/budgets: in the OpenAPI document, but not in the route table",
                "GET /api/v1/people: x-planbot-role is coordinator but security says public");
    }

    /** The table's /api routes as "METHOD /path" → the document's role word: public, coordinator or admin. */
    private static Map<String, String> apiRoles(List<Route> routes) {
        var roles = new TreeMap<String, String>();
        for (Route route : routes) {
            if (route.path().startsWith("/api/")) {
                roles.put(route.method().name() + " " + route.path(), role(route.access()));
            }
        }
        return roles;
    }

    private static String role(Access access) {
        return switch (access.level()) {
            case PUBLIC -> "public";
            case TOKEN -> access.token().code();
            default -> access.level().name().toLowerCase(Locale.ROOT);
        };
    }
}
