package se.planbot.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with one connection, inside a transaction when it is a write. */
@FunctionalInterface
public interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
}
