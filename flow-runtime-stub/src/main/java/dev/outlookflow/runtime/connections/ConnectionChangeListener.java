package dev.outlookflow.runtime.connections;

import io.vertx.core.Future;

/**
 * Hears that a connection changed in a way the triggers using it must start again for: it was updated,
 * signed in again, or went back to connected after needing a reconnect. Connections know nothing of flows:
 * the composition root wires the listener that does.
 */
@FunctionalInterface
public interface ConnectionChangeListener {
  ConnectionChangeListener NONE = (workspaceId, connectionId) -> Future.succeededFuture();

  /** Completes once what depends on the connection has taken the change in. */
  Future<Void> changed(String workspaceId, String connectionId);
}
