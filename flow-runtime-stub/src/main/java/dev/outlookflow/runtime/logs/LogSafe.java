package dev.outlookflow.runtime.logs;

/** Makes text from outside (paths, plugin messages) safe for one log line: no forged lines, bounded. */
public final class LogSafe {
  private static final int MAX = 500;

  private LogSafe() {}

  public static String text(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(Math.min(value.length(), MAX) + 16);
    for (int i = 0; i < value.length() && out.length() < MAX; i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (value.length() > MAX) {
      out.append("… (").append(value.length()).append(" characters)");
    }
    return out.toString();
  }
}
