package dev.outlookflow.plugin.api.connection;

/** Where a connection stands, as shown to admins and designers. */
public enum ConnectionStatus {
  /** Created, not signed in or tested yet. */
  NEW("new"),
  /** Waiting for an admin to sign in interactively. */
  PENDING_SIGN_IN("pending_sign_in"),
  /** A pasted token ran out; it cannot be refreshed. */
  EXPIRED("expired"),
  CONNECTED("connected"),
  /** A tenant admin must grant consent first; the action URL is the admin-consent link. */
  ADMIN_CONSENT_REQUIRED("admin_consent_required"),
  /** Grant revoked or refresh token expired: an admin must sign in again. */
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
