package dev.outlookflow.runtime.problem;

import dev.outlookflow.uischema.validation.FieldError;
import java.util.List;

/**
 * A request the runtime refuses, with the HTTP status to answer and, for invalid input, the fields
 * at fault. Services throw it; the API turns it into {@code {"error", "fields"}}.
 */
public final class Problem extends RuntimeException {
  private final int status;
  private final List<FieldError> fields;

  private Problem(int status, String message, List<FieldError> fields) {
    super(message, null, false, false);
    this.status = status;
    this.fields = List.copyOf(fields);
  }

  public static Problem invalid(String message, List<FieldError> fields) {
    return new Problem(400, message, fields);
  }

  public static Problem invalid(List<FieldError> fields) {
    return new Problem(400, fields.get(0).field() + ": " + fields.get(0).message(), fields);
  }

  public static Problem invalid(String field, String message) {
    return new Problem(400, message, List.of(new FieldError(field, message)));
  }

  public static Problem badRequest(String message) {
    return new Problem(400, message, List.of());
  }

  public static Problem notFound(String what, String id) {
    return new Problem(404, "no " + what + " with id '" + id + "'", List.of());
  }

  public static Problem unauthorized() {
    return new Problem(401, "missing, unknown or revoked API key: send Authorization: Bearer <key>", List.of());
  }

  public static Problem forbidden(String message) {
    return new Problem(403, message, List.of());
  }

  /** The remote service behind an extension refused or failed; the message says what to do. */
  public static Problem upstream(String message) {
    return new Problem(502, message, List.of());
  }

  public static Problem unsupportedMediaType(String message) {
    return new Problem(415, message, List.of());
  }

  /** 413: the request is larger than this runtime can take at all. */
  public static Problem tooLarge(String message) {
    return new Problem(413, message, List.of());
  }

  /** 503: the runtime cannot take the request now; the same request may succeed shortly. */
  public static Problem busy(String message) {
    return new Problem(503, message, List.of());
  }

  public static Problem conflict(String message) {
    return new Problem(409, message, List.of());
  }

  public int status() {
    return status;
  }

  public List<FieldError> fields() {
    return fields;
  }
}
