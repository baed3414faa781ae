package dev.outlookflow.runtime.support;

import dev.outlookflow.runtime.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.api.Trigger;

/**
 * Makes the next N steps the runtime records fail in its store, as a full disk or a lock timeout
 * would: an H2 trigger, installed through a second connection to the in-process runtime's database.
 */
public final class SeededStoreFaults implements Trigger {
  private static final AtomicInteger REMAINING = new AtomicInteger();
  private static final AtomicInteger OUT_OF_MEMORY = new AtomicInteger();

  /** Installs the trigger in the database of the runtime whose data directory this is. */
  public static void install(Path dataDir) {
    sql(dataDir, "CREATE TRIGGER IF NOT EXISTS seeded_faults BEFORE INSERT ON steps FOR EACH ROW CALL '"
        + SeededStoreFaults.class.getName() + "'");
  }

  /** Runs one statement on the in-process runtime's database, beside the runtime. */
  public static void sql(Path dataDir, String statement) {
    try (Connection connection = DriverManager.getConnection(Database.jdbcUrl(dataDir));
        Statement sql = connection.createStatement()) {
      sql.execute(statement);
    } catch (SQLException e) {
      throw new IllegalStateException("could not run '" + statement + "' on the runtime's database", e);
    }
  }

  public static void failNext(int inserts) {
    REMAINING.set(inserts);
  }

  /** The next {@code inserts} run H2 out of memory, as a row too large for the heap does: H2 closes its database. */
  public static void runOutOfMemoryOnNext(int inserts) {
    OUT_OF_MEMORY.set(inserts);
  }

  public static int runOutOfMemoryRemaining() {
    return OUT_OF_MEMORY.get();
  }

  public static int remaining() {
    return REMAINING.get();
  }

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    if (OUT_OF_MEMORY.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new OutOfMemoryError("seeded: as if the heap were full");
    }
    if (REMAINING.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new SQLException("seeded store fault");
    }
  }
}
