package dev.outlookflow.uischema.expression;

/** An expression's path leads to nothing at run time; the message names the path. */
public final class UnresolvedExpressionException extends RuntimeException {
  private final Path path;

  public UnresolvedExpressionException(Path path, String message) {
    super(message);
    this.path = path;
  }

  public Path path() {
    return path;
  }
}
