package se.planbot.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * PostgreSQL through a HikariCP pool: every write is one READ COMMITTED transaction on a pooled
 * connection (instances and threads write at the same time; rows they compete for are taken with
 * {@code on conflict}, conditional updates or {@code for update skip locked}); every read is a
 * transaction that is rolled back.
 */
final class PostgresConnections implements Connections {

    /** Planbot's own threads (web, dispatcher, sweep, Slack) rarely need more at once. */
    static final int POOL_SIZE = 10;

    private final HikariDataSource pool;

    PostgresConnections(DatabaseSettings settings) {
        var config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        if (!settings.username().isEmpty()) {
            config.setUsername(settings.username());
        }
        if (!settings.password().isEmpty()) {
            config.setPassword(settings.password());
        }
        config.setPoolName("planbot");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        // Fail at start, with the server's own words, when the database cannot be reached.
        config.setInitializationFailTimeout(10_000);
        config.addDataSourceProperty("ApplicationName", "planbot");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        this.pool = new HikariDataSource(config);
    }

    DataSource dataSource() {
        return pool;
    }

    @Override
    public <T> T write(SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                connection.setAutoCommit(true);
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackKeeping(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseException("database write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.apply(connection);
            } catch (SQLException | RuntimeException | Error e) {
                rollbackKeeping(connection, e);
                throw e;
            }
            connection.rollback();
            connection.setAutoCommit(true);
            return result;
        } catch (SQLException e) {
            throw new DatabaseException("database read failed: " + e.getMessage(), e);
        }
    }

    /** Rolls back after {@code failure}; a rollback that fails too (connection gone) must not hide why. */
    private static void rollbackKeeping(Connection connection, Throwable failure) {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Connections in use and idle, for /metrics. */
    int active() {
        return pool.getHikariPoolMXBean() == null ? 0 : pool.getHikariPoolMXBean().getActiveConnections();
    }

    @Override
    public void close() {
        pool.close();
    }
}
