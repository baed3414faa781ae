package dev.outlookflow.runtime.store;

import java.sql.SQLException;

/**
 * The store could not do its work (a full disk, a lock held too long, a lost connection): the data is
 * as it was, so the same work may succeed later. Anything else that fails is not the store's.
 */
public final class StoreException extends RuntimeException {
  StoreException(SQLException cause) {
    super("the store failed: " + cause.getMessage(), cause);
  }

  /** Whether {@code failure} is, or was caused by, the store's failure. */
  public static boolean isStoreFault(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StoreException) {
        return true;
      }
    }
    return false;
  }
}
