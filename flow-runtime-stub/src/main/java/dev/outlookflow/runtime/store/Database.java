package dev.outlookflow.runtime.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/**
 * The embedded H2 database: JDBC only on the store's worker threads, schema by versioned Flyway
 * migrations. {@code WRITE_DELAY=0} makes every commit reach the file before it is acknowledged:
 * H2's default delay loses acknowledged commits when the process is killed.
 */
public final class Database implements AutoCloseable {
  private static final int POOL_SIZE = 4;

  private final HikariDataSource dataSource;
  private final WorkerExecutor workers;

  private Database(HikariDataSource dataSource, WorkerExecutor workers) {
    this.dataSource = dataSource;
    this.workers = workers;
  }

  /** Opens (creating and migrating if needed) the database in {@code dataDir}. */
  public static Future<Database> open(Vertx vertx, Path dataDir) {
    WorkerExecutor workers = vertx.createSharedWorkerExecutor("store", POOL_SIZE);
    return workers.executeBlocking(() -> {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(jdbcUrl(dataDir));
      config.setMaximumPoolSize(POOL_SIZE);
      config.setPoolName("store");
      config.setExceptionOverride(new ClosedDatabase());
      HikariDataSource dataSource = new HikariDataSource(config);
      Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
      return new Database(dataSource, workers);
    });
  }

  /** Where the database of {@code dataDir} is, with the settings every connection to it needs. */
  public static String jdbcUrl(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.resolve("runtime").toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
  }

  public <T> Future<T> read(SqlWork<T> work) {
    return workers.executeBlocking(() -> reopening(() -> {
      try (Connection connection = dataSource.getConnection()) {
        return work.run(connection);
      }
    }), false);
  }

  /** Runs {@code work} in one transaction; the future completes after the commit. */
  public <T> Future<T> write(SqlWork<T> work) {
    return workers.executeBlocking(() -> reopening(() -> {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        try {
          T result = work.run(connection);
          connection.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          connection.rollback();
          throw e;
        }
      }
    }), false);
  }

  /** One use of a pooled connection. */
  @FunctionalInterface
  private interface Attempt<T> {
    T run() throws SQLException;
  }

  /**
   * Runs {@code attempt}, and once more when the database was closed under its connection: nothing of
   * it was done, and every pooled connection is as dead as that one, so the pool lets them all go and
   * the next connection opens the database again.
   */
  private <T> T reopening(Attempt<T> attempt) {
    try {
      return attempt.run();
    } catch (SQLException closed) {
      if (!ClosedDatabase.is(closed)) {
        throw StoreException.of(closed);
      }
      dataSource.getHikariPoolMXBean().softEvictConnections();
      try {
        return attempt.run();
      } catch (SQLException again) {
        throw StoreException.of(again);
      }
    }
  }

  /** One statement in its own transaction; answers the count of rows it changed. */
  public Future<Integer> update(String sql, Object... parameters) {
    return write(connection -> Rows.update(connection, sql, parameters));
  }

  @Override
  public void close() {
    dataSource.close();
    workers.close();
  }
}
