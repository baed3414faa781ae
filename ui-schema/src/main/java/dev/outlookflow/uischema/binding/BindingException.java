package dev.outlookflow.uischema.binding;

/** Values that passed their form's schema but do not fit its record, with the field at fault. */
public final class BindingException extends IllegalArgumentException {
  private final String field;

  BindingException(String field, String message, Throwable cause) {
    super(message, cause);
    this.field = field;
  }

  /** The field's path, e.g. {@code limit} or {@code attachments[0].name}; empty for the whole value. */
  public String field() {
    return field;
  }
}
