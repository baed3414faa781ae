package dev.outlookflow.runtime.failures;

/**
 * Why the runtime cannot start, said so that whoever started it knows what to change; the library's
 * own failure stays behind it as the cause.
 */
public final class StartRefused extends RuntimeException {
  public StartRefused(String sentence, Throwable cause) {
    super(sentence, cause);
  }

  /** The first such sentence in {@code failure}'s causes, else the innermost cause's message. */
  public static String sentenceOf(Throwable failure) {
    Throwable root = failure;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof StartRefused refused) {
        return refused.getMessage();
      }
      root = cause;
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }
}
