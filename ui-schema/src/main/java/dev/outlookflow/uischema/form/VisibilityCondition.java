package dev.outlookflow.uischema.form;

import java.util.Arrays;
import java.util.List;

/** A field is visible only while {@code field} holds one of {@code values}. */
public record VisibilityCondition(String field, List<String> values) {

  /** Parses {@code field=a|b}; blank means always visible, answered as {@code null}. */
  static VisibilityCondition parse(String text, String declaredOn) {
    if (text.isBlank()) {
      return null;
    }
    int eq = text.indexOf('=');
    if (eq <= 0 || eq == text.length() - 1) {
      throw new IllegalArgumentException(
          "visibleWhen of '" + declaredOn + "' must look like field=value or field=a|b, was: " + text);
    }
    return new VisibilityCondition(
        text.substring(0, eq).trim(),
        Arrays.stream(text.substring(eq + 1).split("\\|")).map(String::trim).toList());
  }
}
