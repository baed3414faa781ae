package dev.outlookflow.runtime.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small helpers over parameterised JDBC statements; SQL is never built from values. */
final class Rows {
  /** SQLSTATE of a unique constraint refusing a row, in H2 as in PostgreSQL. */
  static final String UNIQUE_VIOLATION = "23505";

  private Rows() {}

  @FunctionalInterface
  interface Mapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  static int update(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, parameters)) {
      return statement.executeUpdate();
    }
  }

  /** One statement prepared once and executed for each row of parameters, in order. */
  static void each(Connection connection, String sql, List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (Object[] parameters : rows) {
        bind(statement, parameters);
        statement.executeUpdate();
      }
    }
  }

  static <T> List<T> list(Connection connection, String sql, Mapper<T> mapper, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, parameters);
        ResultSet rows = statement.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(mapper.map(rows));
      }
      return result;
    }
  }

  static <T> Optional<T> one(Connection connection, String sql, Mapper<T> mapper, Object... parameters)
      throws SQLException {
    List<T> result = list(connection, sql, mapper, parameters);
    return result.isEmpty() ? Optional.empty() : Optional.of(result.get(0));
  }

  static Long nullableLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    bind(statement, parameters);
    return statement;
  }

  private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      if (parameters[i] == null) {
        statement.setNull(i + 1, Types.NULL);
      } else {
        statement.setObject(i + 1, parameters[i]);
      }
    }
  }
}
