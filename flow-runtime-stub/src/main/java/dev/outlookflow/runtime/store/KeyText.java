package dev.outlookflow.runtime.store;

import java.util.Optional;

/**
 * What a key the store keeps for a plugin may be (a trigger's key, a shared state's key): 1 to a column's
 * width of characters, none a control character or half of a surrogate pair: a database may refuse those
 * (PostgreSQL refuses U+0000) or store two different keys as one.
 */
public final class KeyText {
  private KeyText() {}

  /** Why {@code key} cannot be used as {@code what} (e.g. "a trigger's key"), or empty when it can. */
  public static Optional<String> problem(String what, String key, int maxLength) {
    if (key == null || key.isEmpty() || key.length() > maxLength) {
      return Optional.of(what + " must be 1 to " + maxLength + " characters long; this one is "
          + (key == null ? "missing" : key.length() + " characters"));
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean pairStart = Character.isHighSurrogate(c) && i + 1 < key.length()
          && Character.isLowSurrogate(key.charAt(i + 1));
      if (Character.isISOControl(c) || Character.isSurrogate(c) && !pairStart) {
        return Optional.of(what + " may not hold control characters or half of a surrogate pair; character "
            + (i + 1) + " is U+" + String.format("%04X", (int) c));
      }
      if (pairStart) {
        i++;
      }
    }
    return Optional.empty();
  }
}
