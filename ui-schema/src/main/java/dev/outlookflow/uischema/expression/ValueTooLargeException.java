package dev.outlookflow.uischema.expression;

import java.util.Locale;

/** A value would grow past a limit once its expressions are resolved; it was not built. */
public final class ValueTooLargeException extends RuntimeException {
  private final String where;

  ValueTooLargeException(String where, long reached, long limit, String limitName) {
    super(String.format(Locale.ROOT,
        "'%s' would take at least %,d characters once its expressions are resolved, over %s (%,d): bind "
            + "smaller values, or fewer of them", where, reached, limitName, limit));
    this.where = where;
  }

  /** The field, and the place inside it (e.g. {@code attachments[0].contentBase64}). */
  public String where() {
    return where;
  }
}
