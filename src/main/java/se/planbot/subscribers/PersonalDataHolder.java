package se.planbot.subscribers;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A feature that keeps data about a person by email address outside the subscribers' tables
 * (registrations, the outbox). GDPR export and erasure ask every holder, in the same
 * transaction, so "download my data" is complete and "erase me" leaves no trace.
 */
public interface PersonalDataHolder {

    /** Key under which this holder's data appears in the export. */
    String name();

    /** Everything held about {@code email}, JSON-able. */
    Object export(Connection connection, String email) throws SQLException;

    /** Deletes or anonymises everything held about {@code email}; returns rows touched. */
    int erase(Connection connection, String email) throws SQLException;
}
