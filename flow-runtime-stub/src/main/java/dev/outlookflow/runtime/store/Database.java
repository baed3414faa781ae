package dev.outlookflow.runtime.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.outlookflow.runtime.failures.Causes;
import dev.outlookflow.runtime.failures.StartRefused;
import dev.outlookflow.runtime.failures.StoreException;
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
      HikariDataSource dataSource = opened(config, dataDir);
      Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
      return new Database(dataSource, workers);
    });
  }

  /** H2's "Database may be already in use": another process holds the file's lock. */
  private static final int DATABASE_IN_USE = 90020;

  private static HikariDataSource opened(HikariConfig config, Path dataDir) {
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      boolean locked = Causes.find(e, SQLException.class).filter(sql -> sql.getErrorCode() == DATABASE_IN_USE)
          .isPresent();
      throw locked ? new StartRefused("the data directory " + dataDir.toAbsolutePath() + " is in use by another "
          + "runtime (its database is locked): stop that runtime, or start this one with another --data-dir", e) : e;
    }
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
    return workers.executeBlocking(() -> reopening(() -> transaction(work)), false);
  }

  private <T> T transaction(SqlWork<T> work) throws SQLException {
    Connection connection = dataSource.getConnection();
    try {
      connection.setAutoCommit(false);
      T result;
      try {
        result = work.run(connection);
      } catch (SQLException | RuntimeException e) {
        rollback(connection, e);
        throw e;
      }
      try {
        connection.commit();
      } catch (SQLException e) {
        rollback(connection, e);
        throw new CommitFailed(e);
      }
      return result;
    } finally {
      // Once committed, the work is done whatever closing says; before, the first failure is the one to tell.
      try {
        connection.close();
      } catch (SQLException ignored) {
        // the pool has let the connection go already
      }
    }
  }

  /** A failed rollback (the connection is gone) must not hide why the transaction failed. */
  private static void rollback(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailed) {
      failure.addSuppressed(rollbackFailed);
    }
  }

  /** A commit that failed: whether it took effect is not known, so it is never tried again here. */
  private static final class CommitFailed extends SQLException {
    CommitFailed(SQLException cause) {
      super(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
    }
  }

  /** One use of a pooled connection. */
  @FunctionalInterface
  private interface Attempt<T> {
    T run() throws SQLException;
  }

  /**
   * Runs {@code attempt}, and once more when the database was closed under its connection before it
   * committed anything: every pooled connection is as dead as that one, so the pool lets them all go
   * and the next connection opens the database again. Not when H2 ran out of memory on this very
   * work: it would again.
   */
  private <T> T reopening(Attempt<T> attempt) {
    try {
      return attempt.run();
    } catch (SQLException closed) {
      if (!ClosedDatabase.is(closed) || closed instanceof CommitFailed
          || Causes.find(closed, OutOfMemoryError.class).isPresent()) {
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
