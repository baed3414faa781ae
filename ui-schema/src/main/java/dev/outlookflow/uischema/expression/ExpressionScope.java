package dev.outlookflow.uischema.expression;

import java.util.Optional;

/** What an expression may refer to at design time; answers the problem with a path, if any. */
@FunctionalInterface
public interface ExpressionScope {
  Optional<String> problemWith(Path path);

  /** A scope that accepts every path, for forms used outside a flow. */
  static ExpressionScope anything() {
    return path -> Optional.empty();
  }
}
