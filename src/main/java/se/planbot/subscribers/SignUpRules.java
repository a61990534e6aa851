package se.planbot.subscribers;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import se.planbot.plan.PlanService;
import se.planbot.problem.Errors;
import se.planbot.problem.InvalidInput;

/**
 * What a valid sign-up is: the contact details of {@link ContactRules} (as on the registration form),
 * a valid organisationsnummer when given, at least one known strategy, and the consent box ticked. Every mistake is
 * collected, in Swedish, and thrown at once.
 */
final class SignUpRules {

    private final PlanService plan;

    SignUpRules(PlanService plan) {
        this.plan = plan;
    }

    SignUp check(SignUp signUp) {
        var errors = new Errors();
        String email = ContactRules.email(signUp.email(), errors);
        String name = ContactRules.name(signUp.name(), errors);
        String company = ContactRules.company(signUp.company(), errors);
        String orgNumber = signUp.orgNumber() == null || signUp.orgNumber().isBlank() ? null : signUp.orgNumber().trim();
        if (orgNumber != null && OrganisationNumber.parse(orgNumber).isEmpty()) {
            errors.add("orgNumber", "organisationsnumret stämmer inte (tio siffror, t.ex. 556036-0793; kontrollsiffran räknas)");
        }
        Set<Integer> topics = topics(signUp.topics(), errors);
        if (!signUp.consent()) {
            errors.add("consent", "kryssa i att du godkänner att vi sparar dina uppgifter för att skicka inbjudningar");
        }
        errors.throwIfAny();
        return new SignUp(email, name, company, orgNumber, List.copyOf(topics), true,
                signUp.locale() == null ? Locale.forLanguageTag("sv") : signUp.locale(),
                signUp.source() == null ? "web" : signUp.source());
    }

    Set<Integer> topics(List<Integer> topics, Errors errors) {
        var clean = new LinkedHashSet<Integer>(topics == null ? List.of() : topics);
        if (clean.isEmpty()) {
            errors.add("topics", "välj minst en strategi som intresserar dig");
        } else {
            Set<Integer> known = new LinkedHashSet<>();
            plan.strategies().forEach(strategy -> known.add(strategy.id()));
            for (int topic : clean) {
                if (!known.contains(topic)) {
                    errors.add("topics", "strategi " + topic + " finns inte");
                }
            }
        }
        return clean;
    }

    static boolean isEmail(String text) {
        return mailable(text).isPresent();
    }

    /** See {@link ContactRules#mailable}. */
    static java.util.Optional<String> mailable(String text) {
        return ContactRules.mailable(text);
    }

    static String checkEmail(String email) {
        String address = email == null ? "" : email.trim();
        return mailable(address).orElseThrow(() ->
                new InvalidInput("email", "ange en giltig e-postadress (t.ex. namn@foretag.se)"));
    }
}
