package se.planbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    @TempDir
    Path folder;

    @Test
    void the_shipped_file_lists_every_key_with_its_default() throws Exception {
        var config = Config.load(Path.of("config/planbot.properties"), true, Map.of());
        for (var entry : Config.DEFAULTS.entrySet()) {
            assertThat(config.string(entry.getKey())).as(entry.getKey()).isEqualTo(entry.getValue());
        }
        String text = Files.readString(Path.of("config/planbot.properties"));
        Config.DEFAULTS.keySet().stream().filter(key -> !Config.ENVIRONMENT_ONLY.contains(key))
                .forEach(key -> assertThat(text).contains("\n" + key + "="));
        Config.ENVIRONMENT_ONLY.forEach(key -> assertThat(text).contains(Config.environmentName(key))
                .doesNotContain("\n" + key + "="));
    }

    @Test
    void environment_variables_override_the_file() throws Exception {
        Path file = folder.resolve("planbot.properties");
        Files.writeString(file, "http.port=8080\nsmtp.host=mail.kommun.se\n");
        var config = Config.load(file, true, Map.of("PLANBOT_HTTP_PORT", "9090", "PLANBOT_PUBLIC_BASE_URL", "https://plan.kommun.se"));
        assertThat(config.port("http.port")).isEqualTo(9090);
        assertThat(config.string("smtp.host")).isEqualTo("mail.kommun.se");
        assertThat(config.string("public.base-url")).isEqualTo("https://plan.kommun.se");
    }

    @Test
    void bad_values_name_their_key() throws Exception {
        var config = Config.of(Map.of("http.port", "abc", "timezone", "Europe/Alingsås", "reminders.deadline-days", "14,sju"));
        assertThatThrownBy(() -> config.port("http.port")).hasMessageContaining("http.port = 'abc'")
                .hasMessageContaining("PLANBOT_HTTP_PORT");
        assertThatThrownBy(() -> config.zone("timezone")).hasMessageContaining("timezone = 'Europe/Alingsås' är ingen känd tidszon");
        assertThatThrownBy(() -> config.integers("reminders.deadline-days", 0, 365))
                .hasMessageContaining("reminders.deadline-days");
        assertThatThrownBy(() -> Config.of(Map.of("public.base-url", "ftp://x")).baseUrl("public.base-url"))
                .hasMessageContaining("public.base-url = 'ftp://x' ska vara en http- eller https-adress");
        assertThat(Config.of(Map.of("public.base-url", "https://plan.kommun.se/")).baseUrl("public.base-url"))
                .isEqualTo("https://plan.kommun.se");
    }

    @Test
    void an_unknown_key_in_the_file_stops_start_up() throws Exception {
        Path file = folder.resolve("planbot.properties");
        Files.writeString(file, "http.prot=8080\n");
        assertThatThrownBy(() -> Config.load(file, true, Map.of())).hasMessageContaining("Okänd nyckel")
                .hasMessageContaining("http.prot");
    }

    @Test
    void an_unknown_planbot_environment_variable_stops_start_up() {
        assertThatThrownBy(() -> Config.load(folder.resolve("absent.properties"), false,
                Map.of("PLANBOT_HTTP_PROT", "7000", "PATH", "/usr/bin", "PLANBOTISH", "x")))
                .hasMessageContaining("Okänd miljövariabel")
                .hasMessageContaining("PLANBOT_HTTP_PROT")
                .hasMessageContaining("PLANBOT_HTTP_PORT");
    }

    @Test
    void known_planbot_environment_variables_and_other_variables_are_accepted() {
        var config = Config.load(folder.resolve("absent.properties"), false,
                Map.of("PLANBOT_SMTP_TIMEOUT_SECONDS", "10", "HOME", "/root", "PLANBOTISH", "x"));
        assertThat(config.integer("smtp.timeout-seconds", 1, 600)).isEqualTo(10);
    }

    @Test
    void the_oauth2_client_secret_is_refused_in_the_file_and_taken_from_the_environment() throws Exception {
        Path file = folder.resolve("planbot.properties");
        Files.writeString(file, "smtp.auth=oauth2\nsmtp.oauth2.client-secret=abc~123\n");
        assertThatThrownBy(() -> Config.load(file, true, Map.of()))
                .hasMessageContaining("smtp.oauth2.client-secret får inte stå i")
                .hasMessageContaining("PLANBOT_SMTP_OAUTH2_CLIENT_SECRET")
                .hasMessageNotContaining("abc~123");
        Files.writeString(file, "smtp.auth=oauth2\n");
        var config = Config.load(file, true, Map.of("PLANBOT_SMTP_OAUTH2_CLIENT_SECRET", "abc~123"));
        assertThat(config.string("smtp.oauth2.client-secret")).isEqualTo("abc~123");
    }

    @Test
    void a_missing_explicit_file_is_an_error() {
        assertThatThrownBy(() -> Config.load(folder.resolve("nope.properties"), true, Map.of()))
                .hasMessageContaining("finns inte");
    }

    @Test
    void a_latin1_file_or_a_broken_escape_is_named_by_its_line_in_swedish() throws Exception {
        Path file = folder.resolve("planbot.properties");
        Files.write(file, "http.port=8080\n# Alingsås kommun\nsmtp.host=x\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> Config.load(file, true, Map.of()))
                .hasMessageContaining("rad 2: filen är inte UTF-8")
                .hasMessageNotContaining("Input length");

        Files.writeString(file, "http.port=8080\nsmtp.host=\\uZZ\n");
        assertThatThrownBy(() -> Config.load(file, true, Map.of()))
                .hasMessageContaining("rad 2: ogiltig \\u-kod")
                .hasMessageNotContaining("Malformed");
    }
}
