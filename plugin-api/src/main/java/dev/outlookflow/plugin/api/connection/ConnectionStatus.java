package dev.outlookflow.plugin.api.connection;

/**
 * Where a connection stands, as shown to admins and designers. A sign-in under way is shown beside
 * the status, not as one: starting a sign-in changes nothing until it completes.
 */
public enum ConnectionStatus {
  /** Created; no token obtained and no call made yet. */
  NEW("new"),
  /** A pasted token ran out; it cannot be refreshed. */
  EXPIRED("expired"),
  /** A token was obtained or a call succeeded. */
  CONNECTED("connected"),
  /** A tenant admin must approve the app first; the runtime offers the admin-consent link beside it. */
  ADMIN_CONSENT_REQUIRED("admin_consent_required"),
  /** Grant revoked, refresh token or secret expired: someone must sign in again or fix the secret. */
  NEEDS_RECONNECT("needs_reconnect"),
  ERROR("error"),
  DISCONNECTED("disconnected");

  private final String value;

  ConnectionStatus(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  public static ConnectionStatus fromValue(String value) {
    for (ConnectionStatus status : values()) {
      if (status.value.equals(value)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown connection status: " + value);
  }
}
