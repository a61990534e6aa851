package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.db.Jdbc;
import se.planbot.reminders.WorkingDays;

/** GDPR: a person downloads everything held about them, and erasing it leaves no trace of the address. */
class ErasureTest {

    static final String ANNA = "Anna.Andersson@Foretag.se";

    @TempDir
    Path folder;
    BusinessFixture app;

    @BeforeEach
    void start() {
        app = new BusinessFixture(folder, BusinessFixture.at("2026-12-01T10:00"));
        app.subscribeAndConfirm(ANNA, "Anna Andersson", List.of(2));
        app.subscribeAndConfirm("bo@annat.se", "Bo", List.of(2));
        long id = app.publishDialog("Dialog", "2026-12-10T09:00", "2026-12-10T11:00", 10, "[2]");
        // Registers with the address in other letter case: still the same person.
        app.submit("/dialogs/" + id, "/dialogs/" + id + "/register",
                Map.of("name", "Anna Andersson", "email", ANNA.toLowerCase(Locale.ROOT)));
        app.submit("/dialogs/" + id, "/dialogs/" + id + "/register", Map.of("name", "Bo", "email", "bo@annat.se"));
        app.planbot.database().write(connection -> app.planbot.registrationReminders().runAsOf(connection,
                BusinessFixture.at("2026-12-09T09:00").atZone(BusinessFixture.STOCKHOLM), new WorkingDays()));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void the_download_from_the_mail_link_holds_subscription_consents_registrations_and_messages() {
        String link = BusinessFixture.path(app.lastMail(ANNA, "dialog-invitation").get("preferencesUrl").asText())
                .replace("/preferences", "/my-data/export");
        var download = app.get(link);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        JsonNode data = app.json(download);
        assertThat(data.get("subscription").get("name").asText()).isEqualTo("Anna Andersson");
        assertThat(data.get("subscription").get("consents").findValuesAsText("event")).containsExactly("given", "confirmed");
        assertThat(data.get("subscription").get("consents").get(0).get("textVersion").asText()).isEqualTo("2026-2");
        assertThat(data.get("registrations").get(0).get("dialog").asText()).isEqualTo("Dialog");
        assertThat(data.get("messages").findValuesAsText("template"))
                .contains("subscribe-confirm", "dialog-invitation", "registration-confirm", "registration-reminder");
    }

    @Test
    void erasing_from_the_mail_link_leaves_no_trace_of_the_address_in_any_table() throws Exception {
        String page = BusinessFixture.path(app.lastMail(ANNA, "dialog-invitation").get("preferencesUrl").asText())
                .replace("/preferences", "/my-data");
        assertThat(app.get(page).body()).contains("Radera alla mina uppgifter");
        assertThat(tracesOf("andersson@foretag")).isNotEmpty();

        var erased = app.submit(page, "/my-data/erase", Map.of("token", page.substring(page.indexOf("token=") + 6)));
        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(erased.body()).contains("Dina uppgifter är raderade");

        assertThat(tracesOf("andersson@foretag")).isEmpty();
        assertThat(tracesOf("Anna Andersson")).isEmpty();
        // Bo is untouched, and the erased link opens nothing any more.
        assertThat(tracesOf("bo@annat.se")).isNotEmpty();
        assertThat(app.subscriberStatus("bo@annat.se")).isEqualTo("confirmed");
        assertThat(app.get(page).statusCode()).isEqualTo(404);
    }

    @Test
    void after_erasure_the_address_is_not_even_in_the_raw_database_files() throws Exception {
        // SQLite's file and -wal; PostgreSQL's files are its server's (VACUUM reclaims, see README).
        org.junit.jupiter.api.Assumptions.assumeFalse(TestDatabase.postgres());
        assertThat(rawDatabaseFiles()).as("the address is on disk before erasure").contains("andersson@foretag");
        assertThat(app.adminApi("POST", "/api/v1/subscribers/erase", "{\"email\":\"" + ANNA + "\"}").statusCode())
                .isEqualTo(200);
        assertThat(rawDatabaseFiles()).doesNotContain("andersson@foretag");
    }

    /** The database file and its write-ahead log as bytes, lower-cased (ISO-8859-1 keeps every byte). */
    private String rawDatabaseFiles() throws IOException {
        var bytes = new StringBuilder();
        for (String name : List.of("planbot.db", "planbot.db-wal")) {
            Path file = folder.resolve(name);
            if (Files.exists(file)) {
                bytes.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT));
            }
        }
        return bytes.toString();
    }

    @Test
    void the_coordinator_exports_by_address_through_the_api_and_an_admin_erases() throws Exception {
        var export = app.api("POST", "/api/v1/subscribers/export", "{\"email\":\"" + ANNA + "\"}");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(app.json(export).get("subscription").get("status").asText()).isEqualTo("confirmed");
        assertThat(app.adminApi("POST", "/api/v1/subscribers/erase", "{\"email\":\"nej\"}").statusCode()).isEqualTo(400);
        var refused = app.api("POST", "/api/v1/subscribers/erase", "{\"email\":\"" + ANNA + "\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("rollen admin");

        var erase = app.adminApi("POST", "/api/v1/subscribers/erase", "{\"email\":\"" + ANNA.toUpperCase(Locale.ROOT) + "\"}");
        assertThat(erase.statusCode()).isEqualTo(200);
        assertThat(tracesOf("andersson@foretag")).isEmpty();
        assertThat(app.json(app.api("POST", "/api/v1/subscribers/export", "{\"email\":\"" + ANNA + "\"}"))
                .get("subscription").isNull()).isTrue();
    }

    /** Every table.column whose text contains {@code needle} (case-insensitive), found by reading them all. */
    private List<String> tracesOf(String needle) throws SQLException {
        return app.planbot.database().read(connection -> {
            var hits = new ArrayList<String>();
            String tables = TestDatabase.postgres()
                    ? "select table_name from information_schema.tables where table_schema = current_schema()"
                    : "select name from sqlite_master where type = 'table'";
            for (String table : Jdbc.list(connection, tables, rows -> rows.getString(1))) {
                for (String column : columns(connection, table)) {
                    // PostgreSQL's e-mail columns have a nondeterministic collation, which LIKE refuses.
                    String text = "cast(\"" + column + "\" as text)" + (TestDatabase.postgres() ? " collate \"C\"" : "");
                    long count = Jdbc.count(connection, "select count(*) from \"" + table + "\" where lower(" + text
                            + ") like ?", "%" + needle.toLowerCase(Locale.ROOT) + "%");
                    if (count > 0) {
                        hits.add(table + "." + column);
                    }
                }
            }
            return hits;
        });
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        return Jdbc.list(connection, TestDatabase.postgres()
                ? "select column_name from information_schema.columns where table_schema = current_schema() and table_name = ?"
                : "select name from pragma_table_info(?)", rows -> rows.getString(1), table);
    }
}
