package dev.outlookflow.runtime.triggers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.plugin.api.trigger.Emitted;
import dev.outlookflow.plugin.api.trigger.Trigger;
import dev.outlookflow.plugin.api.trigger.TriggerHandle;
import dev.outlookflow.runtime.connections.ConnectionService;
import dev.outlookflow.runtime.engine.PrefixedLog;
import dev.outlookflow.runtime.engine.RunEngine;
import dev.outlookflow.runtime.environment.RuntimeEnvironment;
import dev.outlookflow.runtime.json.JsonBridge;
import dev.outlookflow.runtime.logs.LogSafe;
import dev.outlookflow.runtime.model.FlowDefinition;
import dev.outlookflow.runtime.model.FlowRecord;
import dev.outlookflow.runtime.plugins.ExtensionCalls;
import dev.outlookflow.runtime.plugins.ExtensionRegistry;
import dev.outlookflow.runtime.plugins.Registered;
import dev.outlookflow.runtime.store.FlowStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one started trigger per enabled flow: starts them at runtime start and on enable, stops
 * them on disable and shutdown, and has them delete what they created remotely when a flow is
 * disabled or deleted. A trigger that fails to start is reported on its flow, never fatal.
 */
public final class TriggerSupervisor {
  private static final Logger LOG = LoggerFactory.getLogger(TriggerSupervisor.class);

  private final ExtensionRegistry registry;
  private final FlowStore flows;
  private final ConnectionService connections;
  private final RunEngine engine;
  private final RuntimeEnvironment environment;
  private final Map<String, Started> started = new ConcurrentHashMap<>();
  private final Map<String, TriggerStatus> statuses = new ConcurrentHashMap<>();

  private record Started(TriggerHandle handle, FlowTriggerContext context) {}

  public TriggerSupervisor(ExtensionRegistry registry, FlowStore flows, ConnectionService connections,
      RunEngine engine, RuntimeEnvironment environment) {
    this.registry = registry;
    this.flows = flows;
    this.connections = connections;
    this.engine = engine;
    this.environment = environment;
  }

  public Future<Void> startEnabled() {
    return flows.listEnabled().compose(all -> {
      List<Future<Void>> starts = new ArrayList<>();
      all.forEach(flow -> starts.add(start(flow)));
      return Future.join(starts).mapEmpty();
    });
  }

  /** Starts the flow's trigger; completes (never fails) once it is running or has failed. */
  public Future<Void> start(FlowRecord flow) {
    FlowDefinition definition = FlowDefinition.fromJson(flow.definition());
    Optional<Registered<Trigger<?, ?>>> trigger = registry.trigger(definition.trigger().type());
    if (trigger.isEmpty()) {
      return failed(flow.id(), "trigger " + definition.trigger().type()
          + " is not loaded: is its plugin in the plugins folder?");
    }
    return context(flow, trigger.get(), definition)
        .compose(context -> ExtensionCalls.start(trigger.get().extension(), context,
                properties(trigger.get(), definition))
            .onFailure(e -> {
              context.stop();
              context.scopedTimers().close();
            })
            .map(handle -> {
              started.put(flow.id(), new Started(handle, context));
              statuses.put(flow.id(), TriggerStatus.RUNNING);
              return (Void) null;
            }))
        .recover(e -> failed(flow.id(), "the trigger could not start: " + e.getMessage()));
  }

  /** Stops listening for the flow; what the trigger created remotely stays. */
  public Future<Void> stop(String flowId) {
    statuses.put(flowId, TriggerStatus.STOPPED);
    Started running = started.remove(flowId);
    if (running == null) {
      return Future.succeededFuture();
    }
    running.context().scopedTimers().close();
    return running.context().stop().compose(v -> running.handle().stop()).recover(e -> {
      LOG.warn("flow {}: trigger did not stop cleanly: {}", flowId, LogSafe.text(e.getMessage()));
      return Future.succeededFuture();
    });
  }

  /** Stops the trigger, has it delete what it created remotely, then forgets its state. */
  public Future<Void> remove(FlowRecord flow) {
    FlowDefinition definition = FlowDefinition.fromJson(flow.definition());
    return stop(flow.id()).compose(v -> registry.trigger(definition.trigger().type())
            .map(trigger -> context(flow, trigger, definition)
                // Built stopped: cleaning up may not start runs of a flow going away.
                .compose(context -> context.stop().map(context))
                .compose(context -> ExtensionCalls.delete(trigger.extension(), context,
                    properties(trigger, definition))))
            .orElseGet(Future::succeededFuture))
        .recover(e -> {
          LOG.warn("flow {}: the trigger could not clean up: {}", flow.id(), LogSafe.text(e.getMessage()));
          return Future.succeededFuture();
        })
        .compose(v -> flows.clearTriggerState(flow.id()))
        .onComplete(done -> statuses.remove(flow.id()));
  }

  public Future<Void> stopAll() {
    List<Future<Void>> stops = new ArrayList<>();
    new ArrayList<>(started.keySet()).forEach(id -> stops.add(stop(id)));
    return Future.join(stops).mapEmpty();
  }

  /** Shows why a flow's trigger cannot run, e.g. after its connection was removed. */
  public void markFailed(String flowId, String message) {
    statuses.put(flowId, TriggerStatus.failed(message));
  }

  public JsonObject status(String flowId) {
    return statuses.getOrDefault(flowId, TriggerStatus.STOPPED).toJson();
  }

  /** The trigger's stored properties with its form's defaults: what its record is bound from. */
  private static ObjectNode properties(Registered<Trigger<?, ?>> trigger, FlowDefinition definition) {
    return trigger.form().withDefaults(JsonBridge.tree(definition.trigger().properties()));
  }

  private Future<FlowTriggerContext> context(FlowRecord flow, Registered<Trigger<?, ?>> trigger,
      FlowDefinition definition) {
    PrefixedLog log = new PrefixedLog(trigger.plugin(), "flow " + flow.id() + " trigger " + trigger.id());
    return connections.forForm(flow.workspaceId(), trigger.form(), definition.trigger().properties())
        .map(connection -> new FlowTriggerContext(flow.id(), new FlowTriggerContext.Emitters(
                event -> emit(flow, event), (event, key) -> emitOnce(flow, event, key)),
            new DurableTriggerState(flows, flow.id()), new ScopedTimers(environment.vertx(), log),
            connection, log, environment));
  }

  /** Runs the flow as it is stored now, so an edit applies to the next event. */
  private Future<String> emit(FlowRecord started, JsonObject event) {
    return current(started).compose(f -> engine.enqueue(f.workspaceId(), f.id(),
        FlowDefinition.fromJson(f.definition()), event, null));
  }

  private Future<Emitted> emitOnce(FlowRecord started, JsonObject event, String key) {
    return current(started).compose(f -> engine.enqueueOnce(f.workspaceId(), f.id(),
        FlowDefinition.fromJson(f.definition()), event, key));
  }

  private Future<FlowRecord> current(FlowRecord started) {
    return flows.find(started.workspaceId(), started.id()).compose(flow -> flow.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture("flow " + started.id() + " no longer exists")));
  }

  private Future<Void> failed(String flowId, String message) {
    LOG.error("flow {}: {}", flowId, LogSafe.text(message));
    statuses.put(flowId, TriggerStatus.failed(message));
    return Future.succeededFuture();
  }
}
