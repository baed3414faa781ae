package dev.outlookflow.runtime.flows;

import dev.outlookflow.plugin.api.trigger.StopReason;
import dev.outlookflow.runtime.connections.ConnectionService;
import dev.outlookflow.runtime.model.ConnectionRecord;
import dev.outlookflow.runtime.model.FlowRecord;
import dev.outlookflow.runtime.plugins.ExtensionRegistry;
import dev.outlookflow.runtime.problem.Problem;
import dev.outlookflow.runtime.store.FlowStore;
import dev.outlookflow.runtime.triggers.TriggerSupervisor;
import io.vertx.core.Future;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Disconnecting and deleting a connection, with the flows that use it: it sits with flows because it
 * must know them (connections know nothing of flows), apart from {@link FlowService}, which keeps flows.
 */
public final class ConnectionRemoval {
  private final FlowStore flows;
  private final TriggerSupervisor triggers;
  private final ConnectionUsers users;
  private final ConnectionService connections;

  public ConnectionRemoval(FlowStore flows, TriggerSupervisor triggers, ExtensionRegistry registry,
      ConnectionService connections) {
    this.flows = flows;
    this.triggers = triggers;
    this.users = new ConnectionUsers(registry);
    this.connections = connections;
  }

  /**
   * Disconnects a connection: first the trigger of every flow that uses it is stopped for good
   * ({@code DISCONNECTED}: its {@code delete} runs while the connection still has its tokens, and its state is
   * cleared), then the tokens go, with the state plugins share on the connection.
   */
  public Future<ConnectionRecord> disconnect(String workspaceId, String connectionId) {
    return connections.get(workspaceId, connectionId)
        .compose(connection -> flows.list(workspaceId))
        .compose(all -> stopTriggers(all, connectionId, StopReason.DISCONNECTED))
        .compose(v -> connections.disconnect(workspaceId, connectionId));
  }

  /**
   * Deletes a connection. Refused while flows use it, unless forced: then their triggers are stopped for
   * good ({@code CONNECTION_REMOVED}, cleaning up while the connection still works), the connection is
   * deleted, and each of those flows says its connection was removed.
   */
  public Future<Void> deleteConnection(String workspaceId, String connectionId, boolean force) {
    return connections.get(workspaceId, connectionId)
        .compose(connection -> flows.list(workspaceId))
        .compose(all -> {
          List<FlowRecord> using = all.stream().filter(f -> users.uses(f, connectionId)).toList();
          if (!using.isEmpty() && !force) {
            return Future.failedFuture(Problem.conflict("connection " + connectionId + " is used by "
                + using.stream().map(f -> "'" + f.name() + "' (" + f.id() + ")").collect(Collectors.joining(", "))
                + "; change those flows, or delete it with ?force=true"));
          }
          return stopTriggers(all, connectionId, StopReason.CONNECTION_REMOVED)
              .compose(v -> connections.delete(workspaceId, connectionId))
              .onSuccess(v -> using.forEach(f -> triggers.markFailed(f.id(),
                  "connection removed: choose another connection for this flow")));
        });
  }

  /**
   * Stops for good the trigger of each flow whose trigger uses the connection, disabled flows' too: a disabled
   * flow keeps its trigger's state and what it created remotely, which only the connection's sign-in can
   * still remove.
   */
  private Future<Void> stopTriggers(List<FlowRecord> all, String connectionId, StopReason reason) {
    return Future.join(all.stream().filter(flow -> users.triggerUses(flow, connectionId))
        .map(flow -> triggers.stop(flow, reason)).toList()).mapEmpty();
  }
}
