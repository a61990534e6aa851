package se.planbot.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import se.planbot.problem.InvalidInput;

/**
 * {@code planbot db copy --to jdbc:postgresql://…}: every table of one database into another, empty
 * one of the same schema version (the target is migrated first): rows with their ids (history keeps
 * its order: action_change_fields' rowid goes along), parents before children, then every identity
 * sequence set past the highest id, then a count check of every table. Tables only SQLite has (the
 * FTS5 index: PostgreSQL's index is rebuilt by its trigger as rows arrive) are not copied.
 * Refuses, copying nothing, a target that holds any row or lacks a schema version the source has.
 */
public final class DatabaseCopy {

    private static final String HISTORY = "flyway_schema_history";
    private static final int BATCH = 500;

    private final Database source;
    private final Database target;
    private final PrintWriter progress;

    public DatabaseCopy(Database source, Database target, PrintWriter progress) {
        this.source = source;
        this.target = target;
        this.progress = progress;
    }

    /** Copies everything; returns the rows per table, as counted in both databases afterwards. */
    public Map<String, Long> copy() {
        Set<String> sourceTables = new TreeSet<>(source.read(DatabaseCopy::tables));
        // Tables the source does not have yet (the target's schema is newer) have nothing to copy.
        List<String> tables = target.read(DatabaseCopy::tablesParentsFirst).stream()
                .filter(sourceTables::contains).toList();
        var sourceVersions = source.read(DatabaseCopy::versions);
        var targetVersions = target.read(DatabaseCopy::versions);
        var behind = sourceVersions.stream().filter(version -> !targetVersions.contains(version)).toList();
        if (!behind.isEmpty()) {
            throw new InvalidInput("to", "målet saknar schemaversionerna " + behind + " som källan har: kör samma "
                    + "Planbot-version mot båda");
        }
        for (String table : tables) {
            long rows = target.read(connection -> Jdbc.count(connection, "select count(*) from " + quoted(table)));
            if (rows > 0) {
                throw new InvalidInput("to", "måldatabasen är inte tom (" + table + " har " + rows
                        + " rader); kopiera bara till en ny, tom databas");
            }
        }
        var counts = new LinkedHashMap<String, Long>();
        target.write(connection -> {
            for (String table : tables) {
                copyTable(connection, table);
            }
            setSequences(connection);
            return null;
        });
        for (String table : tables) {
            long from = source.read(connection -> Jdbc.count(connection, "select count(*) from " + quoted(table)));
            long to = target.read(connection -> Jdbc.count(connection, "select count(*) from " + quoted(table)));
            if (from != to) {
                throw new DatabaseException("count check failed for " + table + ": " + from + " in the source, " + to
                        + " in the target", null);
            }
            counts.put(table, to);
        }
        return counts;
    }

    private void copyTable(Connection into, String table) throws SQLException {
        Map<String, Integer> columns = columnTypes(into, table);
        Set<String> sourceColumns = new LinkedHashSet<>(source.read(connection -> columnTypes(connection, table)).keySet());
        // rowid: SQLite's implicit one, an ordinary column on PostgreSQL (see its V1).
        boolean implicitRowid = columns.containsKey("rowid") && !sourceColumns.contains("rowid");
        var names = new ArrayList<String>();
        for (String column : columns.keySet()) {
            if (sourceColumns.contains(column) || (column.equals("rowid") && implicitRowid)) {
                names.add(column);
            }
        }
        String list = String.join(", ", names.stream().map(DatabaseCopy::quoted).toList());
        String select = "select " + (implicitRowid ? list.replace("\"rowid\"", "rowid") : list) + " from " + quoted(table)
                + (implicitRowid ? " order by rowid" : "");
        String insert = "insert into " + quoted(table) + " (" + list + ") overriding system value values ("
                + String.join(", ", names.stream().map(name -> "?").toList()) + ")";
        long total = source.read(connection -> Jdbc.count(connection, "select count(*) from " + quoted(table)));
        long[] done = {0};
        source.read(connection -> {
            try (var statement = connection.prepareStatement(select); ResultSet rows = statement.executeQuery();
                    var writer = into.prepareStatement(Dialect.of(into) == Dialect.POSTGRESQL ? insert
                            : insert.replace(" overriding system value", ""))) {
                while (rows.next()) {
                    for (int i = 0; i < names.size(); i++) {
                        bind(writer, i + 1, rows, i + 1, columns.get(names.get(i)));
                    }
                    writer.addBatch();
                    if (++done[0] % BATCH == 0) {
                        writer.executeBatch();
                        progress.printf("%s: %d/%d%n", table, done[0], total);
                        progress.flush();
                    }
                }
                writer.executeBatch();
            }
            return null;
        });
        progress.printf("%s: %d/%d rader%n", table, done[0], total);
        progress.flush();
    }

    private static void bind(java.sql.PreparedStatement writer, int index, ResultSet rows, int column, int type)
            throws SQLException {
        Object value = rows.getObject(column);
        if (value == null) {
            writer.setNull(index, type);
        } else if (type == Types.BOOLEAN || type == Types.BIT) {
            writer.setBoolean(index, rows.getBoolean(column));
        } else if (type == Types.BIGINT || type == Types.INTEGER || type == Types.SMALLINT) {
            writer.setLong(index, rows.getLong(column));
        } else {
            writer.setString(index, rows.getString(column));
        }
    }

    private static void setSequences(Connection connection) throws SQLException {
        if (Dialect.of(connection) != Dialect.POSTGRESQL) {
            return;
        }
        var identities = Jdbc.list(connection, """
                select table_name, column_name from information_schema.columns
                where table_schema = current_schema() and is_identity = 'YES'
                """, row -> List.of(row.getString(1), row.getString(2)));
        for (List<String> identity : identities) {
            String table = quoted(identity.get(0));
            String column = quoted(identity.get(1));
            Jdbc.one(connection, "select setval(pg_get_serial_sequence(?, ?), (select coalesce(max(" + column + "), 0) + 1 from "
                    + table + "), false)", row -> row.getLong(1), table, identity.get(1));
        }
    }

    private static List<String> versions(Connection connection) throws SQLException {
        return Jdbc.list(connection, "select version from " + HISTORY + " where success = " + successTrue(connection)
                + " and version is not null order by version", row -> row.getString(1)).stream()
                .sorted(java.util.Comparator.comparing(DatabaseCopy::versionKey)).toList();
    }

    private static String successTrue(Connection connection) throws SQLException {
        return Dialect.of(connection) == Dialect.POSTGRESQL ? "true" : "1";
    }

    private static String versionKey(String version) {
        return String.format("%010d", Long.parseLong(version.split("\\.")[0]));
    }

    private static List<String> tables(Connection connection) throws SQLException {
        var tables = new ArrayList<String>();
        try (ResultSet rows = connection.getMetaData().getTables(null, schema(connection), "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                String name = rows.getString("TABLE_NAME");
                if (!name.equals(HISTORY) && !name.startsWith("sqlite_") && !name.startsWith("action_search")) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }

    /** The tables in an order where every table comes after the tables its foreign keys point at. */
    static List<String> tablesParentsFirst(Connection connection) throws SQLException {
        List<String> tables = tables(connection);
        var parents = new LinkedHashMap<String, Set<String>>();
        for (String table : tables) {
            var of = new LinkedHashSet<String>();
            try (ResultSet keys = connection.getMetaData().getImportedKeys(null, schema(connection), table)) {
                while (keys.next()) {
                    String parent = keys.getString("PKTABLE_NAME");
                    if (!parent.equals(table)) {
                        of.add(parent);
                    }
                }
            }
            parents.put(table, of);
        }
        var ordered = new ArrayList<String>();
        while (ordered.size() < tables.size()) {
            boolean progressed = false;
            for (String table : tables) {
                if (!ordered.contains(table) && ordered.containsAll(parents.get(table).stream()
                        .filter(tables::contains).toList())) {
                    ordered.add(table);
                    progressed = true;
                }
            }
            if (!progressed) {
                throw new IllegalStateException("foreign keys form a cycle among " + tables);
            }
        }
        return ordered;
    }

    private static Map<String, Integer> columnTypes(Connection connection, String table) throws SQLException {
        var columns = new LinkedHashMap<String, Integer>();
        try (ResultSet rows = connection.getMetaData().getColumns(null, schema(connection), table, "%")) {
            while (rows.next()) {
                columns.put(rows.getString("COLUMN_NAME"), rows.getInt("DATA_TYPE"));
            }
        }
        return columns;
    }

    private static String schema(Connection connection) throws SQLException {
        return Dialect.of(connection) == Dialect.POSTGRESQL ? connection.getSchema() : null;
    }

    /** Names from the schema itself, never from input; quoted as identifiers. */
    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
