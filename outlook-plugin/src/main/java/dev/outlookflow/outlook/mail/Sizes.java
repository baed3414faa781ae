package dev.outlookflow.outlook.mail;

import java.util.Locale;

/** Sizes as people read them: bytes, KB or MB, never a rounded "0.0 MB". */
public final class Sizes {
  private static final long KB = 1024;
  private static final long MB = 1024 * KB;

  private Sizes() {}

  public static String describe(long bytes) {
    if (bytes < KB) {
      return String.format(Locale.ROOT, "%,d bytes", bytes);
    }
    if (bytes < MB) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / (double) KB);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (double) MB);
  }
}
