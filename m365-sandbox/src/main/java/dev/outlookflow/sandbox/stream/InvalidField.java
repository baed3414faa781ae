package dev.outlookflow.sandbox.stream;

/** A stream request refused: its message is {@code "<field>: <what is wrong>"}. */
public final class InvalidField extends RuntimeException {
  InvalidField(String field, String problem) {
    super(field + ": " + problem, null, false, false);
  }
}
