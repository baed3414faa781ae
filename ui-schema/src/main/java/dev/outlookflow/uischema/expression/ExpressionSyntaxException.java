package dev.outlookflow.uischema.expression;

/** A value's {@code {{ }}} expression cannot be parsed; the message says where and why. */
public final class ExpressionSyntaxException extends RuntimeException {
  public ExpressionSyntaxException(String message) {
    super(message);
  }
}
