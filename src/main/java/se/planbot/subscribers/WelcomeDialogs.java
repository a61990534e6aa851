package se.planbot.subscribers;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The coming dialogs a newly confirmed subscriber is told of in the welcome mail (their texts, as
 * the mail shows them). The dialogs feature answers it, and records each as an invitation in the
 * same transaction, so a later change or cancellation of those dialogs reaches the subscriber too.
 */
@FunctionalInterface
public interface WelcomeDialogs {

    WelcomeDialogs NONE = (connection, subscriber) -> List.of();

    List<Map<String, Object>> offer(Connection connection, Subscriber subscriber) throws SQLException;
}
