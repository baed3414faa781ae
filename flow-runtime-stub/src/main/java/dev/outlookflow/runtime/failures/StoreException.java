package dev.outlookflow.runtime.failures;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;

/**
 * The store could not do its work (a full disk, a lock held too long, a lost connection): the data is
 * as it was, so the same work may succeed later. Anything else that fails is not the store's, a
 * statement the database refuses for what it says (a constraint, bad data, bad SQL) included: that
 * would fail the same way every time.
 */
public final class StoreException extends RuntimeException {
  private StoreException(SQLException cause) {
    super("the store failed: " + cause.getMessage(), cause);
  }

  /**
   * What a failed JDBC call becomes: a store fault, unless the database refused the statement itself,
   * or ran out of memory holding the data (it would again, on every attempt).
   */
  public static RuntimeException of(SQLException failure) {
    if (Causes.find(failure, OutOfMemoryError.class).isPresent()) {
      return new IllegalStateException("the store ran out of memory writing this data", failure);
    }
    if (failure instanceof SQLIntegrityConstraintViolationException || failure instanceof SQLDataException
        || failure instanceof SQLSyntaxErrorException || failure instanceof SQLFeatureNotSupportedException) {
      return new IllegalStateException("the store refused a statement: " + failure.getMessage(), failure);
    }
    return new StoreException(failure);
  }

  /** Whether {@code failure} is, or was caused by, the store's failure. */
  public static boolean isStoreFault(Throwable failure) {
    return Causes.find(failure, StoreException.class).isPresent();
  }
}
