package se.planbot.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The few JDBC shapes every feature needs: query to a list, query to an optional, update,
 * insert returning the key. Parameters are always bound, never concatenated. Dates are stored
 * as ISO text ({@code 2026-12-01}), instants as fixed-width ISO text in UTC with milliseconds
 * ({@code 2026-12-01T07:00:00.000Z}), the same on SQLite and PostgreSQL, so that comparing the text
 * in SQL orders exactly as the instants do ({@code Instant.toString()} drops zero fractions, and
 * "…00Z" sorts after "…00.5Z").
 */
public final class Jdbc {

    private Jdbc() {
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    public static <T> List<T> list(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            var result = new ArrayList<T>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        }
    }

    public static <T> Optional<T> one(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.ofNullable(mapper.map(rows)) : Optional.empty();
        }
    }

    public static long count(Connection connection, String sql, Object... parameters) throws SQLException {
        return one(connection, sql, row -> row.getLong(1), parameters).orElse(0L);
    }

    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** An instant as it is stored: {@code 2026-12-01T07:00:00.000Z}. */
    public static String text(Instant instant) {
        return INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Runs an insert and returns the generated row id (the column {@code id}). */
    public static long insert(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = Dialect.of(connection) == Dialect.POSTGRESQL
                ? connection.prepareStatement(sql, new String[] {"id"})
                : connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(statement, parameters);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated key for: " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            bind(statement, parameters);
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            int index = i + 1;
            if (value == null) {
                statement.setNull(index, Types.NULL);
            } else if (value instanceof Instant instant) {
                statement.setString(index, text(instant));
            } else if (value instanceof LocalDate || value instanceof Enum<?>) {
                statement.setString(index, value instanceof Enum<?> e ? e.name().toLowerCase(java.util.Locale.ROOT) : value.toString());
            } else if (value instanceof Optional<?> optional) {
                statement.setObject(index, optional.map(Jdbc::plain).orElse(null));
            } else {
                statement.setObject(index, value);
            }
        }
    }

    private static Object plain(Object value) {
        if (value instanceof Instant instant) {
            return text(instant);
        }
        return value instanceof LocalDate ? value.toString() : value;
    }

    public static LocalDate date(ResultSet row, String column) throws SQLException {
        String text = row.getString(column);
        return text == null ? null : StoredTime.date(text);
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        String text = row.getString(column);
        return text == null ? null : StoredTime.instant(text);
    }

    public static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
