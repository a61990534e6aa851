package se.planbot.config;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who runs this Planbot: the municipality (or organisation) named on every page, in every mail and
 * in the calendar feed, its logo, the sender name mails come from, and — as the controller
 * (personuppgiftsansvarig) of what the public forms collect — its privacy notice and contact.
 *
 * @param name             {@code organisation.name}, e.g. "Alingsås kommun"
 * @param logoUrl          {@code organisation.logo-url}: an http(s) address, or empty for none
 * @param senderName       the From name: {@code mail.sender-name}, else the name in {@code mail.from}, else {@code name}
 * @param privacyNoticeUrl {@code privacy.notice-url}: the organisation's own privacy notice, or empty
 * @param privacyContact   {@code privacy.contact}: where to ask about personal data, else the accessibility
 *                         contact, else the address of {@code mail.from}
 */
public record Organisation(String name, String logoUrl, String senderName, String privacyNoticeUrl,
        String privacyContact) {

    public static Organisation from(Config config) {
        String name = config.required("organisation.name");
        String logo = optionalUrl(config, "organisation.logo-url");
        String notice = optionalUrl(config, "privacy.notice-url");
        InternetAddress from = mailFrom(config);
        String sender = config.optional("mail.sender-name")
                .orElse(from.getPersonal() == null || from.getPersonal().isBlank() ? name : from.getPersonal());
        if (sender.matches(".*[\\p{Cntrl}].*")) {
            throw Config.invalid("mail.sender-name", sender, "får inte innehålla radbrytningar eller styrtecken");
        }
        String contact = config.optional("privacy.contact")
                .or(() -> config.optional("accessibility.contact-email"))
                .orElse(from.getAddress());
        return new Organisation(name, logo, sender, notice, contact);
    }

    /** The values mail and page templates read as {@code organisation.*}. */
    public Map<String, Object> model() {
        var model = new LinkedHashMap<String, Object>();
        model.put("name", name);
        model.put("logoUrl", logoUrl);
        model.put("privacyNoticeUrl", privacyNoticeUrl);
        model.put("privacyContact", privacyContact);
        return model;
    }

    /** The logo's origin ({@code https://www.kommun.se}) for the pages' img-src policy, or empty. */
    public String logoOrigin() {
        if (logoUrl.isEmpty()) {
            return "";
        }
        URI uri = URI.create(logoUrl);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static InternetAddress mailFrom(Config config) {
        String value = config.string("mail.from");
        try {
            return new InternetAddress(value, true);
        } catch (AddressException e) {
            throw Config.invalid("mail.from", value, "ska vara en e-postadress, t.ex. Planbot <planbot@kommun.se>");
        }
    }

    private static String optionalUrl(Config config, String key) {
        String value = config.string(key);
        if (value.isBlank()) {
            return "";
        }
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && value.matches("[\\x21-\\x7E]+")) {
                return value;
            }
        } catch (URISyntaxException e) {
            // Answered below, as for any other address that is not http(s).
        }
        throw Config.invalid(key, value, "ska vara en hel http- eller https-adress, t.ex. https://www.kommun.se/logga.svg");
    }
}
