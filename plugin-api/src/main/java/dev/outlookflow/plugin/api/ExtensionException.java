package dev.outlookflow.plugin.api;

/**
 * A failure an extension reports to the runtime: {@code code} is stable and machine-readable (e.g.
 * {@code admin_consent_required}), the message says what happened and what to do about it.
 */
public class ExtensionException extends RuntimeException {
  private final String code;

  public ExtensionException(String code, String message) {
    this(code, message, null);
  }

  public ExtensionException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
