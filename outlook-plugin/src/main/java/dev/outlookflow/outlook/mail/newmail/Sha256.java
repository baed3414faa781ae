package dev.outlookflow.outlook.mail.newmail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short, fixed-length names for long ids in state keys. */
final class Sha256 {
  private Sha256() {}

  /** The first {@code bytes} bytes of the SHA-256 of {@code text} (UTF-8), in lower-case hex. */
  static String hex(String text, int bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
