package dev.outlookflow.runtime.store;

import java.sql.Connection;
import java.sql.SQLException;

/** JDBC work run on a store worker thread with one connection. */
@FunctionalInterface
public interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
