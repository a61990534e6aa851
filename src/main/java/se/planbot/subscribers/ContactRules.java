package se.planbot.subscribers;

import java.net.IDN;
import java.util.Optional;
import se.planbot.problem.Errors;
import se.planbot.problem.InputText;

/**
 * The rules for a person's contact details, the same on the subscription and the registration
 * form: a name, an optional company, and an email address. An address that is not one is told
 * what is wrong with it ("saknar @", "saknar en punkt efter @"), not a general hint.
 */
public final class ContactRules {

    private static final int MAX_TEXT = 200;
    private static final int MAX_ADDRESS = 254;
    private static final String EXAMPLE = " (t.ex. namn@foretag.se)";
    private static final String FORBIDDEN = "<>\"(),;:[]\\";

    private ContactRules() {
    }

    /** The trimmed name, or an error: required, one line of at most 200 characters. */
    public static String name(String value, Errors errors) {
        String name = value == null ? "" : value.trim();
        if (name.isEmpty()) {
            errors.add("name", "ange ditt namn");
        } else if (!oneLine(name)) {
            errors.add("name", "namnet ska vara en rad på högst " + MAX_TEXT + " tecken");
        } else {
            InputText.line(errors, "name", "namnet", name, MAX_TEXT);
        }
        return name;
    }

    /** The trimmed company name (may be empty), or an error: one line of at most 200 characters. */
    public static String company(String value, Errors errors) {
        String company = value == null ? "" : value.trim();
        if (!company.isEmpty() && !oneLine(company)) {
            errors.add("company", "företagets namn ska vara en rad på högst " + MAX_TEXT + " tecken");
        } else if (!company.isEmpty()) {
            InputText.line(errors, "company", "företagets namn", company, MAX_TEXT);
        }
        return company;
    }

    /** The address as mail servers take it (see {@link #mailable}), or an error saying what is wrong. */
    public static String email(String value, Errors errors) {
        String email = value == null ? "" : value.trim();
        if (email.isEmpty()) {
            errors.add("email", "ange din e-postadress");
            return email;
        }
        // Control, bidi and zero-width characters are named as such, before the address's own rules.
        Optional<String> unprintable = InputText.lineProblem("e-postadressen", email, MAX_ADDRESS);
        if (unprintable.isPresent()) {
            errors.add("email", unprintable.get());
            return email;
        }
        Optional<String> mailable = mailable(email);
        if (mailable.isEmpty()) {
            errors.add("email", problem(email));
            return email;
        }
        return mailable.get();
    }

    /**
     * The address as mail servers take it: a domain with å ä ö in its ASCII (xn--) form. Empty when
     * it is no address, or when the part before @ has letters beyond ASCII, which few servers accept.
     */
    public static Optional<String> mailable(String text) {
        if (text == null || !problem(text).isEmpty()) {
            return Optional.empty();
        }
        int at = text.indexOf('@');
        try {
            return Optional.of(text.substring(0, at) + "@" + IDN.toASCII(text.substring(at + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** What is wrong with {@code email} in words a person can act on; empty when nothing is. */
    static String problem(String email) {
        int at = email.indexOf('@');
        if (email.length() > MAX_ADDRESS) {
            return "e-postadressen är för lång (högst " + MAX_ADDRESS + " tecken)";
        }
        if (email.chars().anyMatch(Character::isWhitespace)) {
            return "e-postadressen får inte innehålla mellanslag" + EXAMPLE;
        }
        for (char c : FORBIDDEN.toCharArray()) {
            if (email.indexOf(c) >= 0) {
                return "e-postadressen får inte innehålla tecknet " + c + EXAMPLE;
            }
        }
        if (at < 0) {
            return "e-postadressen saknar @" + EXAMPLE;
        }
        if (email.indexOf('@', at + 1) >= 0) {
            return "e-postadressen kan bara ha ett @" + EXAMPLE;
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (local.isEmpty()) {
            return "det saknas något före @" + EXAMPLE;
        }
        if (domain.isEmpty()) {
            return "det saknas en domän efter @" + EXAMPLE;
        }
        if (!local.chars().allMatch(c -> c < 128)) {
            return "delen före @ kan inte ha å, ä, ö eller andra bokstäver utanför a–z" + EXAMPLE;
        }
        if (!domain.contains(".") || domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) {
            return "domänen efter @ ska ha en punkt, som i foretag.se" + EXAMPLE;
        }
        try {
            IDN.toASCII(domain);
        } catch (IllegalArgumentException e) {
            return "domänen " + domain + " är ingen giltig domän" + EXAMPLE;
        }
        return "";
    }

    private static boolean oneLine(String text) {
        return text.length() <= MAX_TEXT && text.chars().noneMatch(c -> c == '\n' || c == '\r');
    }
}
