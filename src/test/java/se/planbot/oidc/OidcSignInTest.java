package se.planbot.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.Fixtures;
import se.planbot.Planbot;
import se.planbot.TestClock;
import se.planbot.config.ConfigException;
import se.planbot.plan.PersonRole;

/** The OpenID Connect code flow against a local Entra-shaped provider: who gets in, and every way a token is refused. */
class OidcSignInTest {

    @TempDir
    Path folder;

    private final TestClock clock = TestClock.at("2026-12-01T08:00");
    private FakeIdentityProvider provider;
    private Planbot planbot;
    private OidcSignIn signIn;

    /** What the provider sent the browser back with. */
    private record Callback(String state, String code, String error) {
    }

    @BeforeEach
    void start() throws Exception {
        provider = new FakeIdentityProvider(clock);
        planbot = Fixtures.planbot(folder, clock, Map.of());
        Fixtures.person(planbot, "Åsa Öberg", "asa.oberg@alingsas.se", null, PersonRole.COORDINATOR);
        signIn = new OidcSignIn(settings(Map.of()), planbot.database(), planbot.plan(), clock);
    }

    @AfterEach
    void stop() {
        planbot.close();
        provider.close();
    }

    private OidcSettings settings(Map<String, String> overrides) {
        var values = new LinkedHashMap<String, String>();
        values.put("auth.oidc.issuer", provider.issuer());
        values.put("auth.oidc.client-id", provider.clientId);
        values.put("auth.oidc.client-secret", provider.clientSecret);
        values.putAll(overrides);
        return OidcSettings.from(Fixtures.config(folder, values)).orElseThrow();
    }

    /** The browser's trip to the provider, which signs the person in at once and redirects back. */
    private static Callback visit(URI authorize) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        var query = new LinkedHashMap<String, String>();
        for (String pair : URI.create(response.headers().firstValue("Location").orElseThrow()).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return new Callback(query.get("state"), query.get("code"), query.get("error"));
    }

    private Refusal refusalWhen(Consumer<FakeIdentityProvider> wrong) throws Exception {
        wrong.accept(provider);
        var start = signIn.begin();
        var back = visit(start.redirect());
        try {
            signIn.finish(back.state(), back.code(), back.error(), start.browserSecret());
        } catch (SignInRefused refused) {
            return refused.refusal();
        }
        throw new AssertionError("signed in although the token was wrong");
    }

    @Test
    void a_person_in_the_people_table_signs_in_with_code_pkce_state_and_nonce() throws Exception {
        var start = signIn.begin();
        var back = visit(start.redirect());
        var person = signIn.finish(back.state(), back.code(), back.error(), start.browserSecret());

        assertThat(person.email()).isEqualTo("asa.oberg@alingsas.se");
        var asked = provider.authorizeRequests.peek();
        assertThat(asked).containsEntry("response_type", "code").containsEntry("code_challenge_method", "S256")
                .containsEntry("client_id", provider.clientId)
                .containsEntry("redirect_uri", "https://planbot.alingsas.se/admin/login/oidc/callback")
                .containsKeys("state", "nonce", "code_challenge");
        assertThat(asked.get("scope")).contains("openid").contains("email");
        var exchanged = provider.tokenRequests.peek();
        assertThat(exchanged).containsEntry("grant_type", "authorization_code").containsKey("code_verifier")
                .containsKey("authorization").doesNotContainKey("client_secret");
    }

    @Test
    void an_address_nobody_has_is_refused_and_named() throws Exception {
        provider.user = Map.of("email", "okand@alingsas.se", "name", "Okänd Person");
        var start = signIn.begin();
        var back = visit(start.redirect());
        assertThatThrownBy(() -> signIn.finish(back.state(), back.code(), null, start.browserSecret()))
                .isInstanceOfSatisfying(SignInRefused.class, refused -> {
                    assertThat(refused.refusal()).isEqualTo(Refusal.UNKNOWN_PERSON);
                    assertThat(refused.address()).contains("okand@alingsas.se");
                });
    }

    @Test
    void the_upn_claim_is_used_when_the_token_has_no_email() throws Exception {
        provider.user = Map.of("upn", "asa.oberg@alingsas.se", "name", "Åsa Öberg");
        var start = signIn.begin();
        var back = visit(start.redirect());
        assertThat(signIn.finish(back.state(), back.code(), null, start.browserSecret()).name()).isEqualTo("Åsa Öberg");

        provider.user = Map.of("name", "Åsa Öberg");
        assertThat(refusalWhen(idp -> { })).isEqualTo(Refusal.NO_EMAIL);
    }

    @Test
    void a_wrong_audience_issuer_age_signature_key_or_nonce_is_refused() throws Exception {
        assertThat(refusalWhen(idp -> idp.audienceOverride = "00000003-0000-0000-c000-000000000000")).isEqualTo(Refusal.WRONG_AUDIENCE);
        provider.audienceOverride = null;
        assertThat(refusalWhen(idp -> idp.issuerOverride = "https://login.microsoftonline.com/" + "other-tenant/v2.0"))
                .isEqualTo(Refusal.WRONG_ISSUER);
        provider.issuerOverride = null;
        assertThat(refusalWhen(idp -> idp.age = Duration.ofMinutes(62))).isEqualTo(Refusal.EXPIRED);
        provider.age = Duration.ZERO;
        assertThat(refusalWhen(idp -> idp.tamperSignature = true)).isEqualTo(Refusal.BAD_SIGNATURE);
        provider.tamperSignature = false;
        assertThat(refusalWhen(idp -> idp.signWithStrangerKey = true)).isEqualTo(Refusal.BAD_SIGNATURE);
        provider.signWithStrangerKey = false;
        assertThat(refusalWhen(idp -> idp.nonceOverride = "a-nonce-from-another-sign-in")).isEqualTo(Refusal.WRONG_NONCE);
        provider.nonceOverride = null;
        var start = signIn.begin();
        var back = visit(start.redirect());
        assertThat(signIn.finish(back.state(), back.code(), null, start.browserSecret()).email())
                .as("and with nothing wrong it works again").isEqualTo("asa.oberg@alingsas.se");
    }

    @Test
    void a_replayed_state_a_state_from_another_browser_and_a_stale_one_are_refused() throws Exception {
        var start = signIn.begin();
        var back = visit(start.redirect());
        signIn.finish(back.state(), back.code(), null, start.browserSecret());
        assertThatThrownBy(() -> signIn.finish(back.state(), back.code(), null, start.browserSecret()))
                .isInstanceOfSatisfying(SignInRefused.class, refused -> assertThat(refused.refusal()).isEqualTo(Refusal.STALE_STATE));

        var other = signIn.begin();
        var otherBack = visit(other.redirect());
        assertThatThrownBy(() -> signIn.finish(otherBack.state(), otherBack.code(), null, start.browserSecret()))
                .isInstanceOfSatisfying(SignInRefused.class, refused -> assertThat(refused.refusal()).isEqualTo(Refusal.STALE_STATE));
        assertThatThrownBy(() -> signIn.finish(otherBack.state(), otherBack.code(), null, other.browserSecret()))
                .as("a state is gone after one try, right or wrong")
                .isInstanceOfSatisfying(SignInRefused.class, refused -> assertThat(refused.refusal()).isEqualTo(Refusal.STALE_STATE));

        var slow = signIn.begin();
        var slowBack = visit(slow.redirect());
        clock.advance(Duration.ofMinutes(11));
        assertThatThrownBy(() -> signIn.finish(slowBack.state(), slowBack.code(), null, slow.browserSecret()))
                .isInstanceOfSatisfying(SignInRefused.class, refused -> assertThat(refused.refusal()).isEqualTo(Refusal.STALE_STATE));
    }

    @Test
    void a_provider_error_or_outage_is_refused_with_its_own_reason() throws Exception {
        var start = signIn.begin();
        visit(start.redirect());
        String state = provider.authorizeRequests.peek().get("state");
        assertThatThrownBy(() -> signIn.finish(state, null, "access_denied", start.browserSecret()))
                .isInstanceOfSatisfying(SignInRefused.class, refused -> assertThat(refused.refusal()).isEqualTo(Refusal.PROVIDER_ERROR));

        provider.outageStatus = 503;
        var fresh = new OidcSignIn(settings(Map.of()), planbot.database(), planbot.plan(), clock);
        assertThatThrownBy(fresh::begin).isInstanceOfSatisfying(SignInRefused.class,
                refused -> assertThat(refused.refusal()).isEqualTo(Refusal.PROVIDER_UNAVAILABLE));
        provider.outageStatus = 0;
        assertThat(fresh.begin().redirect().toString()).startsWith(provider.issuer().replace("/v2.0", "/oauth2/v2.0/authorize"));
    }

    @Test
    void oidc_configuration_mistakes_stop_start_up_naming_the_key() {
        assertThatThrownBy(() -> settings(Map.of("auth.oidc.client-secret", ""))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("PLANBOT_AUTH_OIDC_CLIENT_SECRET");
        assertThatThrownBy(() -> settings(Map.of("auth.oidc.issuer", "http://login.microsoftonline.com/x/v2.0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("auth.oidc.issuer");
        assertThatThrownBy(() -> settings(Map.of("auth.oidc.client-id", ""))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("auth.oidc.client-id");
        assertThat(OidcSettings.from(Fixtures.config(folder, Map.of()))).isEmpty();
        assertThatThrownBy(() -> OidcSignIn.from(Fixtures.config(folder, Map.of("auth.mail-link", "false")),
                planbot.database(), planbot.plan(), clock)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("auth.mail-link").hasMessageContaining("auth.oidc.issuer");
    }
}
