package dev.outlookflow.uischema.expression;

/**
 * How many characters the values resolved against it may take together, counted as their JSON
 * encoding (escapes aside) while they are resolved, so that a value past the limit is refused before
 * it is built.
 */
public final class SizeBudget {
  private final long limit;
  private final String limitName;
  private long used;

  /** {@code limitName} says whose limit it is, e.g. "the limit of a step's whole input". */
  public SizeBudget(long limit, String limitName) {
    this.limit = limit;
    this.limitName = limitName;
  }

  void charge(String where, long characters) {
    used += characters;
    if (used > limit) {
      throw new ValueTooLargeException(where, used, limit, limitName);
    }
  }
}
