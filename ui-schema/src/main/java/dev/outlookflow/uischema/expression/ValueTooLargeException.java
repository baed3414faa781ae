package dev.outlookflow.uischema.expression;

/** A value would grow past a limit once its expressions are resolved; it was not built. */
public final class ValueTooLargeException extends RuntimeException {
  private final String where;

  ValueTooLargeException(String where, String message) {
    super(message);
    this.where = where;
  }

  /** The field, and the place inside it (e.g. {@code attachments[0].contentBase64}). */
  public String where() {
    return where;
  }
}
