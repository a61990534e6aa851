package se.planbot.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrganisationNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"556036-0793", "5560360793", "16556036-0793", "165560360793", "212000-1355", " 556036 0793 "})
    void a_number_whose_luhn_check_digit_matches_is_accepted_and_normalised(String text) {
        assertThat(OrganisationNumber.parse(text)).hasValueSatisfying(value -> assertThat(value).matches("\\d{6}-\\d{4}"));
        assertThat(OrganisationNumber.parse("5560360793")).contains("556036-0793");
    }

    @ParameterizedTest
    @ValueSource(strings = {"556036-0794", "556036-079", "55603607931", "abcdef-ghij", "", "212000-1356"})
    void a_wrong_check_digit_or_shape_is_refused(String text) {
        assertThat(OrganisationNumber.parse(text)).isEmpty();
    }
}
