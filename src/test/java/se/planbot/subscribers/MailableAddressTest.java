package se.planbot.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Addresses are kept in the form SMTP servers accept, or refused with a reason a person can act on. */
class MailableAddressTest {

    @Test
    void a_domain_with_swedish_letters_is_kept_in_its_ascii_form() {
        assertThat(SignUpRules.mailable("anna@företag.se")).hasValue("anna@xn--fretag-wxa.se");
        assertThat(SignUpRules.mailable("anna@foretag.se")).hasValue("anna@foretag.se");
    }

    @Test
    void swedish_letters_before_the_at_sign_or_no_address_at_all_are_refused() {
        assertThat(SignUpRules.mailable("åsa.öberg@foretag.se")).isEmpty();
        assertThat(SignUpRules.mailable("inte en adress")).isEmpty();
        assertThat(SignUpRules.mailable("a@b")).isEmpty();
    }
}
