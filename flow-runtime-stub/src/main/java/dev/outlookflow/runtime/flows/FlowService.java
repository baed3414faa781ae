package dev.outlookflow.runtime.flows;

import dev.outlookflow.runtime.RuntimeEnvironment;
import dev.outlookflow.runtime.connections.ConnectionService;
import dev.outlookflow.runtime.engine.PayloadMemory;
import dev.outlookflow.runtime.engine.RunEngine;
import dev.outlookflow.runtime.plugins.ExtensionRegistry;
import dev.outlookflow.runtime.problem.Problem;
import dev.outlookflow.runtime.store.ConnectionRecord;
import dev.outlookflow.runtime.store.FlowDefinition;
import dev.outlookflow.runtime.store.FlowRecord;
import dev.outlookflow.runtime.store.FlowStore;
import dev.outlookflow.runtime.triggers.TriggerSupervisor;
import dev.outlookflow.uischema.form.FieldType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Flows: stored validated, their triggers kept in step with whether they are enabled. */
public final class FlowService {
  private final FlowStore flows;
  private final FlowValidator validator;
  private final TriggerSupervisor triggers;
  private final RunEngine engine;
  private final RuntimeEnvironment environment;
  private final ExtensionRegistry registry;
  private final ConnectionService connections;

  public FlowService(FlowStore flows, FlowValidator validator, TriggerSupervisor triggers, RunEngine engine,
      RuntimeEnvironment environment, ExtensionRegistry registry, ConnectionService connections) {
    this.flows = flows;
    this.validator = validator;
    this.triggers = triggers;
    this.engine = engine;
    this.environment = environment;
    this.registry = registry;
    this.connections = connections;
  }

  /** Stores a new flow, disabled: enabling it starts its trigger. */
  public Future<FlowRecord> create(String workspaceId, JsonObject body) {
    return validator.validate(workspaceId, body).compose(definition -> {
      long now = environment.now();
      FlowRecord flow = new FlowRecord(UUID.randomUUID().toString(), workspaceId, definition.name(),
          definition.toJson(), false, now, now);
      return flows.insert(flow).map(flow);
    });
  }

  /** Replaces the definition; an enabled flow's old trigger is removed and the new one started. */
  public Future<FlowRecord> update(String workspaceId, String id, JsonObject body) {
    return get(workspaceId, id).compose(existing -> validator.validate(workspaceId, body).compose(definition -> {
      Future<Void> retire = existing.enabled() ? triggers.remove(existing) : Future.succeededFuture();
      return retire
          .compose(v -> flows.update(id, definition.name(), definition.toJson(), environment.now()))
          .compose(v -> get(workspaceId, id))
          .compose(updated -> (updated.enabled() ? triggers.start(updated) : Future.<Void>succeededFuture())
              .map(updated));
    }));
  }

  public Future<FlowRecord> get(String workspaceId, String id) {
    return flows.find(workspaceId, id).map(found -> found.orElseThrow(() -> Problem.notFound("flow", id)));
  }

  public Future<List<FlowRecord>> list(String workspaceId) {
    return flows.list(workspaceId);
  }

  /** Removes the flow's trigger (and what it created remotely), then the flow and its runs. */
  public Future<Void> delete(String workspaceId, String id) {
    return get(workspaceId, id).compose(triggers::remove).compose(v -> flows.delete(id)).mapEmpty();
  }

  public Future<FlowRecord> enable(String workspaceId, String id) {
    return get(workspaceId, id).compose(flow -> {
      if (flow.enabled()) {
        return Future.succeededFuture(flow);
      }
      return flows.setEnabled(id, true, environment.now())
          .compose(v -> get(workspaceId, id))
          .compose(enabled -> triggers.start(enabled).map(enabled));
    });
  }

  public Future<FlowRecord> disable(String workspaceId, String id) {
    return get(workspaceId, id).compose(flow -> flows.setEnabled(id, false, environment.now())
        .compose(v -> flow.enabled() ? triggers.remove(flow) : Future.<Void>succeededFuture())
        .compose(v -> get(workspaceId, id)));
  }

  /**
   * Starts a run now with {@code event} as {@code {{trigger}}}; answers its id once stored. {@code room}:
   * the memory reserved for the event as it was received, which the run keeps until it has executed.
   */
  public Future<String> run(String workspaceId, String id, JsonObject event, PayloadMemory.Reservation room) {
    return get(workspaceId, id)
        .compose(flow -> engine.enqueue(workspaceId, id, FlowDefinition.fromJson(flow.definition()), event, room));
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

  private static boolean names(dev.outlookflow.uischema.form.Form form, JsonObject properties, String connectionId) {
    return form.fieldsOfType(FieldType.CONNECTION).stream()
        .anyMatch(f -> connectionId.equals(properties.getValue(f.name())));
  }

  private boolean triggerUses(FlowRecord flow, String connectionId) {
    FlowDefinition definition = FlowDefinition.fromJson(flow.definition());
    return registry.trigger(definition.trigger().type())
        .map(trigger -> names(trigger.form(), definition.trigger().properties(), connectionId))
        .orElse(false);
  }

  public JsonObject triggerStatus(String flowId) {
    return triggers.status(flowId);
  }
}
