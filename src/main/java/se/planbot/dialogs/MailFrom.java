package se.planbot.dialogs;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import se.planbot.config.Config;

/** The {@code mail.from} setting ("Planbot &lt;planbot@kommun.se&gt;") split for a calendar ORGANIZER. */
public record MailFrom(String address, String name) {

    public static MailFrom parse(String setting) {
        try {
            var address = new InternetAddress(setting, true);
            return new MailFrom(address.getAddress(), address.getPersonal() == null ? "" : address.getPersonal());
        } catch (AddressException e) {
            throw Config.invalid("mail.from", setting, "är ingen e-postadress (t.ex. Planbot <planbot@kommun.se>)");
        }
    }
}
