package dev.outlookflow.plugin.api;

/**
 * A failure an extension reports to the runtime: {@code code} is stable and machine-readable (e.g.
 * {@code admin_consent_required}), the message says what happened and what to do about it, and
 * {@code upstreamRequestId} names the remote service's request (e.g. Graph's {@code request-id}) for
 * support. The message must never carry a secret.
 */
public class ExtensionException extends RuntimeException {
  private final String code;
  private final String upstreamRequestId;

  public ExtensionException(String code, String message) {
    this(code, message, null, null);
  }

  public ExtensionException(String code, String message, Throwable cause) {
    this(code, message, null, cause);
  }

  public ExtensionException(String code, String message, String upstreamRequestId, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.upstreamRequestId = upstreamRequestId;
  }

  public String code() {
    return code;
  }

  /** The remote request this failure concerns, or null. */
  public String upstreamRequestId() {
    return upstreamRequestId;
  }
}
