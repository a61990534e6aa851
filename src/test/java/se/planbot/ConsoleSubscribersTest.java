package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prenumeranter and API-nycklar in the console: counts by status and strategy; a GDPR request
 * by one address (what is held, the download, erasing only after the box is ticked); an API key
 * shown once and revoked.
 */
class ConsoleSubscribersTest {

    @TempDir
    Path folder;
    BusinessFixture app;
    ConsoleClient coordinator;

    @BeforeEach
    void start() {
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"));
        coordinator = ConsoleClient.signedIn(app, app.planbot.plan().personByEmail("koordinator@example.se").orElseThrow());
        app.subscribeAndConfirm("anna@foretag.se", "Anna Andersson", List.of(2));
        app.subscribeAndConfirm("bo@foretag.se", "Bo Berg", List.of(2, 3));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void counts_are_shown_by_status_and_strategy() {
        var page = coordinator.get("/admin/subscribers");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.body()).containsPattern("Bekräftade</td><td>2</td>")
                .containsPattern("2\\. [^<]+</td><td>2</td>").containsPattern("3\\. [^<]+</td><td>1</td>");
    }

    @Test
    void a_gdpr_request_shows_what_is_held_downloads_it_and_erases_it_only_when_confirmed() {
        var found = coordinator.post("/admin/subscribers/find", Map.of("email", "Anna@Foretag.se"));
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("Anna@Foretag.se").contains("Anna Andersson").contains("Ladda ner (JSON)");
        assertThat(coordinator.post("/admin/subscribers/find", Map.of("email", "inte-en-adress")).body())
                .contains("ange en giltig e-postadress");

        var export = coordinator.post("/admin/subscribers/export", Map.of("email", "anna@foretag.se"));
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).contains("personuppgifter.json");
        assertThat(export.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(export.body()).contains("\"email\" : \"anna@foretag.se\"").contains("Anna Andersson");

        var unticked = coordinator.post("/admin/subscribers/erase", Map.of("email", "anna@foretag.se"));
        assertThat(unticked.statusCode()).isEqualTo(400);
        assertThat(unticked.body()).contains("kryssa i rutan om du vill radera allt om anna@foretag.se");
        assertThat(app.subscriberStatus("anna@foretag.se")).isEqualTo("confirmed");

        var erased = coordinator.post("/admin/subscribers/erase", Map.of("email", "anna@foretag.se", "confirm", "yes"));
        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(erased.body()).contains("Allt om adressen är raderat: anna@foretag.se");
        assertThat(app.planbot.personalData().export("anna@foretag.se").get("subscription")).isNull();
        assertThat(coordinator.post("/admin/subscribers/find", Map.of("email", "anna@foretag.se")).body())
                .contains("Planbot har inget sparat om den här adressen");
        assertThat(app.planbot.subscribers().counts().confirmedByStrategy().get(2)).isEqualTo(1L);
    }

    @Test
    void an_api_key_is_shown_once_works_and_stops_working_when_revoked() {
        var refused = coordinator.post("/admin/tokens", Map.of("name", "", "role", "coordinator"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("ange ett namn på en rad");
        assertThat(coordinator.post("/admin/tokens", Map.of("name", "Ekonomi", "role", "chef")).body())
                .contains("välj en roll i listan");

        var created = coordinator.post("/admin/tokens", Map.of("name", "Ekonomisystemet", "role", "coordinator"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
        String token = created.body().replaceAll("(?s).*id=\"ny-nyckel\" readonly value=\"(pbt_[^\"]+)\".*", "$1");
        assertThat(token).startsWith("pbt_").hasSizeLessThan(60);
        assertThat(app.planbot.tokens().verify(token)).isPresent();
        String list = coordinator.get("/admin/tokens").body();
        assertThat(list).contains("Ekonomisystemet").doesNotContain(token);

        long id = app.planbot.tokens().verify(token).orElseThrow().tokenId();
        var revoked = coordinator.post("/admin/tokens/" + id + "/revoke", Map.of());
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(app.planbot.tokens().verify(token)).isEmpty();
        assertThat(new String(coordinator.get("/admin/tokens?revoked=" + id).body().getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8)).contains("Återkallad: nyckel " + id);
        assertThat(coordinator.post("/admin/tokens/99999/revoke", Map.of()).statusCode()).isEqualTo(404);
    }
}
