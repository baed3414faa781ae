package dev.outlookflow.runtime.flows;

import dev.outlookflow.runtime.connections.ConnectionService;
import dev.outlookflow.runtime.model.ConnectionRecord;
import dev.outlookflow.runtime.model.FlowDefinition;
import dev.outlookflow.runtime.model.FlowRecord;
import dev.outlookflow.runtime.plugins.ExtensionRegistry;
import dev.outlookflow.runtime.problem.Problem;
import dev.outlookflow.runtime.store.FlowStore;
import dev.outlookflow.runtime.triggers.TriggerSupervisor;
import dev.outlookflow.uischema.form.FieldType;
import dev.outlookflow.uischema.form.Form;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Disconnecting and deleting a connection, with the flows that use it: it sits with flows because it
 * must know them (connections know nothing of flows), apart from {@link FlowService}, which keeps flows.
 */
public final class ConnectionRemoval {
  private final FlowStore flows;
  private final TriggerSupervisor triggers;
  private final ExtensionRegistry registry;
  private final ConnectionService connections;

  public ConnectionRemoval(FlowStore flows, TriggerSupervisor triggers, ExtensionRegistry registry,
      ConnectionService connections) {
    this.flows = flows;
    this.triggers = triggers;
    this.registry = registry;
    this.connections = connections;
  }

  /**
   * Disconnects a connection: first every enabled flow whose trigger uses it has its trigger removed
   * (its {@code delete} runs while the connection still has its tokens), then the tokens go.
   */
  public Future<ConnectionRecord> disconnect(String workspaceId, String connectionId) {
    return connections.get(workspaceId, connectionId)
        .compose(connection -> flows.list(workspaceId))
        .compose(all -> {
          List<Future<Void>> removals = new ArrayList<>();
          for (FlowRecord flow : all) {
            if (flow.enabled() && triggerUses(flow, connectionId)) {
              removals.add(triggers.remove(flow));
            }
          }
          return Future.join(removals);
        })
        .compose(v -> connections.disconnect(workspaceId, connectionId));
  }

  /**
   * Deletes a connection. Refused while flows use it, unless forced: then it is disconnected first
   * (their triggers clean up), and each of those flows says its connection was removed.
   */
  public Future<Void> deleteConnection(String workspaceId, String connectionId, boolean force) {
    return connections.get(workspaceId, connectionId)
        .compose(connection -> flows.list(workspaceId))
        .compose(all -> {
          List<FlowRecord> users = all.stream().filter(f -> uses(f, connectionId)).toList();
          if (!users.isEmpty() && !force) {
            return Future.failedFuture(Problem.conflict("connection " + connectionId + " is used by "
                + users.stream().map(f -> "'" + f.name() + "' (" + f.id() + ")").collect(Collectors.joining(", "))
                + "; change those flows, or delete it with ?force=true"));
          }
          return disconnect(workspaceId, connectionId)
              .compose(v -> connections.delete(workspaceId, connectionId))
              .onSuccess(v -> users.forEach(f -> triggers.markFailed(f.id(),
                  "connection removed: choose another connection for this flow")));
        });
  }

  /** Whether the flow's trigger or any of its steps names the connection. */
  private boolean uses(FlowRecord flow, String connectionId) {
    FlowDefinition definition = FlowDefinition.fromJson(flow.definition());
    boolean steps = definition.steps().stream().anyMatch(step -> registry.action(step.type())
        .map(action -> names(action.form(), step.properties(), connectionId)).orElse(false));
    return steps || triggerUses(flow, connectionId);
  }

  private static boolean names(Form form, JsonObject properties, String connectionId) {
    return form.fieldsOfType(FieldType.CONNECTION).stream()
        .anyMatch(f -> connectionId.equals(properties.getValue(f.name())));
  }

  private boolean triggerUses(FlowRecord flow, String connectionId) {
    FlowDefinition definition = FlowDefinition.fromJson(flow.definition());
    return registry.trigger(definition.trigger().type())
        .map(trigger -> names(trigger.form(), definition.trigger().properties(), connectionId))
        .orElse(false);
  }
}
