package dev.outlookflow.uischema.validation;

/** One problem with one field: {@code field} is a path such as {@code to[1]} or {@code steps[0].id}. */
public record FieldError(String field, String message) {

  /** The same error seen from an enclosing object, e.g. {@code subject} to {@code steps[2].properties.subject}. */
  public FieldError under(String prefix) {
    return new FieldError(field.isEmpty() ? prefix : prefix + "." + field, message);
  }
}
