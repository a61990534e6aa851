package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code planbot person add | list}: how the first coordinator comes to exist. */
class PersonCommandTest {

    @TempDir
    Path folder;

    private String config() throws Exception {
        Path file = folder.resolve("planbot.properties");
        Files.writeString(file, TestDatabase.configLines(folder.resolve("db/planbot.db")) + "http.port=0\n", StandardCharsets.UTF_8);
        return file.toString();
    }

    @Test
    void person_add_creates_a_coordinator_who_can_then_be_listed() throws Exception {
        String config = config();
        var added = CommandRun.of("person", "add", "--name", "Åsa Öberg", "--email", "asa@kommun.se", "--role", "coordinator",
                "--config", config);
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).contains("Person 1 (Åsa Öberg, coordinator) är tillagd.")
                .contains("/admin/login med asa@kommun.se");

        var listed = CommandRun.of("person", "list", "--config", config);
        assertThat(listed.out()).contains("Åsa Öberg").contains("coordinator").contains("asa@kommun.se");
    }

    @Test
    void an_unknown_role_a_bad_address_or_a_taken_address_is_one_swedish_line_and_exit_two() throws Exception {
        String config = config();
        var role = CommandRun.of("person", "add", "--name", "Bo", "--role", "chef", "--config", config);
        assertThat(role.exit()).isEqualTo(2);
        assertThat(role.err()).contains("--role 'chef' är okänd: använd coordinator, owner eller working_group");

        var address = CommandRun.of("person", "add", "--name", "Bo", "--email", "bo-at-kommun", "--config", config);
        assertThat(address.exit()).isEqualTo(2);
        assertThat(address.err().lines()).hasSize(1).first().asString().contains("är ingen e-postadress");

        CommandRun.of("person", "add", "--name", "Bo", "--email", "bo@kommun.se", "--config", config);
        var taken = CommandRun.of("person", "add", "--name", "Bo Två", "--email", "BO@kommun.se", "--config", config);
        assertThat(taken.exit()).isEqualTo(2);
        assertThat(taken.err()).contains("e-postadressen används redan av Bo");
        assertThat(CommandRun.of("person", "list", "--config", config).out().lines()).hasSize(1);
    }
}
