package dev.outlookflow.plugin.api.connection;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** One stored connection as an extension sees it. */
public interface ConnectionHandle {
  String id();

  /** Full connection type id, e.g. {@code outlook/microsoft365}. */
  String type();

  String name();

  /** The connection's properties, secrets decrypted. Do not log them. */
  JsonObject properties();

  BlobStore blobs();

  /** The runtime's services, for connection types that need them (HTTP, workers, the sandbox's address). */
  dev.outlookflow.plugin.api.PluginEnvironment environment();

  /** Credentials from the connection type, e.g. a fresh access token. */
  Future<Credentials> credentials();

  /**
   * Records the connection's status for admins. {@code actionUrl} is where an admin can fix it
   * (e.g. the admin-consent link); may be null.
   */
  Future<Void> updateStatus(ConnectionStatus status, String message, String actionUrl);
}
