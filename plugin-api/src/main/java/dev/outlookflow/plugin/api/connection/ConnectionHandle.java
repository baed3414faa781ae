package dev.outlookflow.plugin.api.connection;

import io.vertx.core.Future;

/** One stored connection as an extension sees it. */
public interface ConnectionHandle {
  String id();

  /** Full connection type id, e.g. {@code outlook/microsoft365}. */
  String type();

  String name();

  /**
   * The connection's properties, secrets decrypted, bound to its type's record (the same rule as a
   * step's properties: defaults applied, enums by lower-case name). Do not log them.
   */
  <C extends Record> C properties(Class<C> type);

  BlobStore blobs();

  /** The runtime's services, for connection types that need them (HTTP, workers, the sandbox's address). */
  dev.outlookflow.plugin.api.PluginEnvironment environment();

  /** Credentials from the connection type, e.g. a fresh access token. */
  Future<Credentials> credentials();

  /** The connection's status as this handle read it when made, or last recorded it. */
  ConnectionStatus status();

  /**
   * Records the connection's status for admins; written only when the status or its message changes.
   * With {@link ConnectionStatus#ADMIN_CONSENT_REQUIRED} the runtime shows the connection's admin-consent
   * link beside it, built from its current address (see {@link ConnectionType#beginAdminConsent}).
   */
  Future<Void> updateStatus(ConnectionStatus status, String message);

  /**
   * A token was obtained or a call succeeded: the connection is {@link ConnectionStatus#CONNECTED}.
   * Nothing is written when it already was (its message stays), so calling this after every
   * successful call costs nothing.
   */
  Future<Void> confirmConnected(String message);
}
