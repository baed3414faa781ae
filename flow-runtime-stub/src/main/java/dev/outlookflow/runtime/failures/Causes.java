package dev.outlookflow.runtime.failures;

import java.net.BindException;
import java.util.Optional;

/** What a failure was caused by: the failure itself, or anything in its chain of causes. */
public final class Causes {
  private Causes() {}

  public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
    }
    return Optional.empty();
  }

  /** Whether a listen failed because another program holds the port. */
  public static boolean portTaken(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
        return true;
      }
    }
    return false;
  }
}
