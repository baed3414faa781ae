package dev.outlookflow.uischema.expression;

import java.util.Locale;

/**
 * How many characters resolved values may take, counted while they are resolved, so that a value past
 * the limit is refused before it is built: a field's own text limit (its form's {@code maxLength}, in
 * code points as JSON Schema counts), or the budget the values of one input share (their JSON encoding,
 * in characters).
 */
public final class SizeBudget {
  private final long limit;
  private final String limitName;
  private final boolean shared;
  private long used;

  private SizeBudget(long limit, String limitName, boolean shared) {
    this.limit = limit;
    this.limitName = limitName;
    this.shared = shared;
  }

  /** A budget the values resolved against it share; {@code limitName} says whose limit it is. */
  public static SizeBudget shared(long limit, String limitName) {
    return new SizeBudget(limit, limitName, true);
  }

  /** One field's own text limit. */
  static SizeBudget ofField(long maxLength) {
    return new SizeBudget(maxLength, "the field's limit", false);
  }

  long remaining() {
    return Math.max(0, limit - used);
  }

  void charge(String where, long characters) {
    used += characters;
    if (used > limit) {
      throw new ValueTooLargeException(where, shared
          ? String.format(Locale.ROOT, "the step's input would take at least %,d characters once '%s' is resolved, "
              + "over %s (%,d): bind smaller values, or fewer of them", used, where, limitName, limit)
          : String.format(Locale.ROOT, "'%s' would take at least %,d characters once its expressions are resolved, "
              + "over %s (%,d): bind a shorter value, or fewer of them", where, used, limitName, limit));
    }
  }
}
