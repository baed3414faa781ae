package dev.outlookflow.runtime.api;

import dev.outlookflow.runtime.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Where the next page of a run list starts: the place in the store's order of the last run shown,
 * handed out opaque so that clients pass it back unchanged. Runs stored meanwhile do not shift it.
 */
final class RunCursor {
  private static final String PREFIX = "runs:";
  private static final Pattern DECODED = Pattern.compile(PREFIX + "[1-9][0-9]{0,17}");
  private static final int MAX_LENGTH = 64;

  private RunCursor() {}

  static String encode(long seq) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.US_ASCII));
  }

  /** The place a cursor stands for; a 400 naming {@code cursor} if this API did not hand it out. */
  static long decode(String cursor) {
    if (cursor.length() <= MAX_LENGTH) {
      try {
        String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        if (DECODED.matcher(decoded).matches()) {
          return Long.parseLong(decoded.substring(PREFIX.length()));
        }
      } catch (IllegalArgumentException malformed) {
        // answered below
      }
    }
    throw Problem.invalid("cursor", "cursor is malformed: pass the previous page's \"next\" unchanged, or leave "
        + "cursor out for the first page");
  }
}
