package se.planbot.subscribers;

import java.util.Optional;

/**
 * A Swedish organisationsnummer (or a sole trader's personnummer): ten digits, optionally with a
 * century prefix and a hyphen ({@code 556036-0793}, {@code 165560360793}); the last digit is the
 * Luhn check digit over the other nine. Stored normalised as {@code NNNNNN-NNNN}.
 */
public final class OrganisationNumber {

    private OrganisationNumber() {
    }

    /** The normalised number when {@code text} is a valid one, else empty. */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = text.trim().replace("-", "").replace("+", "").replace(" ", "");
        if (!digits.matches("\\d{10}|\\d{12}")) {
            return Optional.empty();
        }
        if (digits.length() == 12) {
            digits = digits.substring(2);
        }
        if (!luhnValid(digits)) {
            return Optional.empty();
        }
        return Optional.of(digits.substring(0, 6) + "-" + digits.substring(6));
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(i) - '0';
            // Weights 2,1,2,1,... from the left over ten digits: the check digit gets weight 1.
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
