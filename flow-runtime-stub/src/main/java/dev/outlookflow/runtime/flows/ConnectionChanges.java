package dev.outlookflow.runtime.flows;

import dev.outlookflow.plugin.api.trigger.StopReason;
import dev.outlookflow.runtime.connections.ConnectionChangeListener;
import dev.outlookflow.runtime.plugins.ExtensionRegistry;
import dev.outlookflow.runtime.store.FlowStore;
import dev.outlookflow.runtime.triggers.TriggerSupervisor;
import io.vertx.core.Future;

/**
 * What a connection's change (updated, signed in again, reconnected) means to the flows that use it: each
 * enabled flow whose trigger uses it has its trigger stopped ({@code CONNECTION_CHANGED}) and started again,
 * its state kept, so that it reads the connection's new settings and credentials.
 */
public final class ConnectionChanges implements ConnectionChangeListener {
  private final FlowStore flows;
  private final TriggerSupervisor triggers;
  private final ConnectionUsers users;

  public ConnectionChanges(FlowStore flows, TriggerSupervisor triggers, ExtensionRegistry registry) {
    this.flows = flows;
    this.triggers = triggers;
    this.users = new ConnectionUsers(registry);
  }

  @Override
  public Future<Void> changed(String workspaceId, String connectionId) {
    return flows.list(workspaceId).compose(all -> Future.join(all.stream()
        .filter(flow -> flow.enabled() && users.triggerUses(flow, connectionId))
        .map(flow -> triggers.restart(flow, StopReason.CONNECTION_CHANGED, Future::succeededFuture))
        .toList()).mapEmpty());
  }
}
