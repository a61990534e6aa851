package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import se.planbot.plan.CodeKey;

/**
 * Adds {@code actions.code_key} ({@link CodeKey}: codes sort by their numbered parts, 1.2 before
 * 1.10, and are found in any spelling) and fills it for the actions already there. Java, because
 * SQLite has no function that splits a code into its parts.
 */
public class V11__Action_code_key extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        try (var statement = connection.createStatement()) {
            statement.execute("alter table actions add column code_key text not null default ''");
        }
        try (var read = connection.createStatement();
                var rows = read.executeQuery("select id, code from actions");
                var write = connection.prepareStatement("update actions set code_key = ? where id = ?")) {
            while (rows.next()) {
                write.setString(1, CodeKey.of(rows.getString("code")));
                write.setLong(2, rows.getLong("id"));
                write.executeUpdate();
            }
        }
        try (var statement = connection.createStatement()) {
            statement.execute("create index actions_code_key on actions (code_key, id)");
            statement.execute("create index actions_strategy_code_key on actions (strategy_id, code_key, id)");
        }
    }
}
