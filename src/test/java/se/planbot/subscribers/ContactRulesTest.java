package se.planbot.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An address that is no address is told what is wrong with it, in Swedish. */
class ContactRulesTest {

    @Test
    void each_kind_of_mistake_in_an_address_gets_its_own_message() {
        assertThat(ContactRules.problem("karin@")).startsWith("det saknas en domän efter @");
        assertThat(ContactRules.problem("karin")).startsWith("e-postadressen saknar @");
        assertThat(ContactRules.problem("@foretag.se")).startsWith("det saknas något före @");
        assertThat(ContactRules.problem("karin@foretag")).startsWith("domänen efter @ ska ha en punkt");
        assertThat(ContactRules.problem("karin@foretag.")).startsWith("domänen efter @ ska ha en punkt");
        assertThat(ContactRules.problem("karin@@foretag.se")).startsWith("e-postadressen kan bara ha ett @");
        assertThat(ContactRules.problem("karin lund@foretag.se")).startsWith("e-postadressen får inte innehålla mellanslag");
        assertThat(ContactRules.problem("karin;lund@foretag.se")).startsWith("e-postadressen får inte innehålla tecknet ;");
        assertThat(ContactRules.problem("åsa@foretag.se")).startsWith("delen före @ kan inte ha å, ä, ö");
        assertThat(ContactRules.problem("a".repeat(250) + "@foretag.se")).startsWith("e-postadressen är för lång");
        assertThat(ContactRules.problem("karin@företag.se")).isEmpty();
        assertThat(ContactRules.mailable("karin@företag.se")).hasValue("karin@xn--fretag-wxa.se");
    }
}
