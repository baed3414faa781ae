package dev.outlookflow.runtime.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.api.Trigger;

/**
 * Keeps runs queued: while on, the store fails every change of a run to running, as a full disk would,
 * so the runtime keeps the run queued and takes it up again later. Any other change of a run goes
 * through. An H2 trigger, installed through a second connection to the in-process runtime's database.
 */
public final class RefusedRunStarts implements Trigger {
  private static final AtomicBoolean ON = new AtomicBoolean();
  private static final AtomicInteger REFUSED = new AtomicInteger();
  private int status;

  public static void install(Path dataDir) {
    SeededStoreFaults.sql(dataDir, "CREATE TRIGGER IF NOT EXISTS refused_run_starts BEFORE UPDATE ON runs "
        + "FOR EACH ROW CALL '" + RefusedRunStarts.class.getName() + "'");
  }

  public static void refuse(boolean on) {
    REFUSED.set(0);
    ON.set(on);
  }

  /** How many starts were refused since the last {@link #refuse}. */
  public static int refused() {
    return REFUSED.get();
  }

  @Override
  public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
      throws SQLException {
    try (ResultSet column = connection.getMetaData().getColumns(null, schema, table, "STATUS")) {
      column.next();
      status = column.getInt("ORDINAL_POSITION") - 1;
    }
  }

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    if (ON.get() && "running".equals(newRow[status]) && !"running".equals(oldRow[status])) {
      REFUSED.incrementAndGet();
      throw new SQLException("seeded store fault: the run may not start now");
    }
  }
}
