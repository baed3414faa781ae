package dev.outlookflow.runtime.store;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.Set;
import org.h2.api.ErrorCode;

/**
 * H2 closes its database when it runs out of memory (or is shut down): every pooled connection is
 * dead from then on, while a new one opens the database again. Hikari evicts a connection whose
 * error says so, which it would not do by itself (these are not SQLState 08 errors).
 */
public final class ClosedDatabase implements SQLExceptionOverride {
  private static final Set<Integer> CLOSED = Set.of(ErrorCode.DATABASE_IS_CLOSED, ErrorCode.OUT_OF_MEMORY,
      ErrorCode.DATABASE_CALLED_AT_SHUTDOWN);

  /** Whether the database was closed under the connection {@code failure} came from. */
  static boolean is(SQLException failure) {
    return CLOSED.contains(failure.getErrorCode());
  }

  @java.lang.Override // Hikari's nested Override enum hides the annotation's simple name
  public Override adjudicate(SQLException failure) {
    return is(failure) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
  }
}
