package se.planbot.dialogs;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import se.planbot.subscribers.PersonalDataHolder;

/** Registrations are personal data by email address: listed in a GDPR export, deleted on erasure. */
public final class RegistrationPersonalData implements PersonalDataHolder {

    private final RegistrationStore registrations = new RegistrationStore();
    private final DialogStore dialogs = new DialogStore();

    @Override
    public String name() {
        return "registrations";
    }

    @Override
    public Object export(Connection connection, String email) throws SQLException {
        var result = new java.util.ArrayList<Map<String, Object>>();
        for (Registration registration : registrations.byEmail(connection, email)) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("dialog", dialogs.byId(connection, registration.dialogId()).map(Dialog::title).orElse(""));
            entry.put("name", registration.name());
            entry.put("company", registration.company());
            entry.put("email", registration.email());
            entry.put("status", registration.status().code());
            entry.put("registeredAt", registration.createdAt().toString());
            result.add(entry);
        }
        return result;
    }

    @Override
    public int erase(Connection connection, String email) throws SQLException {
        return registrations.deleteByEmail(connection, email);
    }
}
