package se.planbot.subscribers;

import java.util.List;
import java.util.Locale;

/**
 * What a person gave on the subscribe form. {@code consent} is the ticked box; {@code source}
 * says where the consent was given (e.g. {@code web:/subscribe}) for the consent record.
 */
public record SignUp(
        String email,
        String name,
        String company,
        String orgNumber,
        List<Integer> topics,
        boolean consent,
        Locale locale,
        String source) {
}
