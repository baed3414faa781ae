package dev.outlookflow.runtime.triggers;

import static dev.outlookflow.plugin.api.trigger.TriggerContext.MAX_KEY_LENGTH;

import java.util.Optional;

/**
 * What a trigger's key may be: 1 to {@value dev.outlookflow.plugin.api.trigger.TriggerContext#MAX_KEY_LENGTH}
 * characters (the width of {@code trigger_keys.trigger_key}), none a control character or half of a surrogate
 * pair: a database may refuse those (PostgreSQL refuses U+0000) or store two different keys as one.
 */
final class TriggerKeys {
  private TriggerKeys() {}

  /** Why the key cannot be used, or empty when it can. */
  static Optional<String> problem(String key) {
    if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      return Optional.of("a trigger's key must be 1 to " + MAX_KEY_LENGTH + " characters long; this one is "
          + (key == null ? "missing" : key.length() + " characters"));
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean pairStart = Character.isHighSurrogate(c) && i + 1 < key.length()
          && Character.isLowSurrogate(key.charAt(i + 1));
      if (Character.isISOControl(c) || Character.isSurrogate(c) && !pairStart) {
        return Optional.of("a trigger's key may not hold control characters or half of a surrogate pair; character "
            + (i + 1) + " is U+" + String.format("%04X", (int) c));
      }
      if (pairStart) {
        i++;
      }
    }
    return Optional.empty();
  }
}
