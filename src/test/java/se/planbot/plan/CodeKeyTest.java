package se.planbot.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeKeyTest {

    @Test
    void numbered_parts_compare_as_numbers() {
        List<String> codes = List.of("1.10", "10.1", "1.2", "2", "1.1", "1", "1.01.3", "1.2.10", "1.2.9");
        assertThat(codes.stream().sorted(Comparator.comparing(CodeKey::of)))
                .containsExactly("1", "1.1", "1.01.3", "1.2", "1.2.9", "1.2.10", "1.10", "2", "10.1");
    }

    @Test
    void letters_and_separators_are_folded_and_ignored() {
        assertThat(CodeKey.of("P.12")).isEqualTo(CodeKey.of("p-12")).isEqualTo(CodeKey.of("P 12"))
                .isEqualTo(CodeKey.of("p12")).isEqualTo("p.0212");
        assertThat(CodeKey.of("Ö.1")).isEqualTo(CodeKey.of("o.1"));
        assertThat(CodeKey.of("2,3")).isEqualTo(CodeKey.of("2.3"));
        assertThat(CodeKey.of("–")).isEmpty();
    }
}
