package se.planbot.dialogs;

import java.util.Locale;

/** What a person gave on a dialog's registration form. */
public record RegistrationForm(String name, String company, String email, Locale locale) {
}
