package se.planbot.subscribers;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import se.planbot.plan.PlanService;
import se.planbot.problem.Errors;
import se.planbot.problem.InputText;
import se.planbot.problem.InvalidInput;

/**
 * What a valid sign-up is: an email address, a name, one-line texts, a valid organisationsnummer
 * when given, at least one known strategy, and the consent box ticked. Every mistake is
 * collected, in Swedish, and thrown at once.
 */
final class SignUpRules {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"(),;:]+@[^@\\s<>\"(),;:]+\\.[^@\\s<>\"(),;:]+");

    private final PlanService plan;

    SignUpRules(PlanService plan) {
        this.plan = plan;
    }

    SignUp check(SignUp signUp) {
        var errors = new Errors();
        String email = signUp.email() == null ? "" : signUp.email().trim();
        var emailProblem = InputText.lineProblem("e-postadressen", email, 254);
        if (email.isEmpty()) {
            errors.add("email", "ange din e-postadress");
        } else if (emailProblem.isPresent()) {
            errors.add("email", emailProblem.get());
        } else if (!isEmail(email)) {
            errors.add("email", "det ser inte ut som en e-postadress (t.ex. namn@foretag.se); "
                    + "delen före @ kan inte ha å, ä eller ö");
        } else {
            email = mailable(email).orElseThrow();
        }
        String name = oneLine(signUp.name(), "name", "namn", true, errors);
        String company = oneLine(signUp.company(), "company", "företag", false, errors);
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

    private static String oneLine(String value, String field, String label, boolean required, Errors errors) {
        String text = value == null ? "" : value.trim();
        if (required && text.isEmpty()) {
            errors.add(field, "ange " + label);
        } else {
            InputText.line(errors, field, label, text, 200);
        }
        return text;
    }

    static boolean isEmail(String text) {
        return mailable(text).isPresent();
    }

    /**
     * The address as mail servers take it: a domain with å ä ö in its ASCII (xn--) form. Empty when
     * it is no address, or when the part before @ has letters beyond ASCII, which few servers accept.
     */
    static java.util.Optional<String> mailable(String text) {
        if (text == null || text.length() > 254 || !EMAIL.matcher(text).matches()) {
            return java.util.Optional.empty();
        }
        int at = text.lastIndexOf('@');
        String local = text.substring(0, at);
        if (!local.chars().allMatch(c -> c < 128)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(local + "@" + java.net.IDN.toASCII(text.substring(at + 1)));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    static String checkEmail(String email) {
        String address = email == null ? "" : email.trim();
        return mailable(address).orElseThrow(() ->
                new InvalidInput("email", "ange en giltig e-postadress (t.ex. namn@foretag.se)"));
    }
}
