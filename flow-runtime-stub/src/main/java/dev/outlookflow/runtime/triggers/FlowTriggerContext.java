package dev.outlookflow.runtime.triggers;

import dev.outlookflow.plugin.api.PluginEnvironment;
import dev.outlookflow.plugin.api.StepLog;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import dev.outlookflow.plugin.api.trigger.Timers;
import dev.outlookflow.plugin.api.trigger.TriggerContext;
import dev.outlookflow.plugin.api.trigger.TriggerState;
import dev.outlookflow.runtime.json.JsonBridge;
import dev.outlookflow.uischema.binding.RecordBinding;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.function.Function;

/** What the trigger of one flow gets. */
final class FlowTriggerContext implements TriggerContext<Object> {
  private final String flowId;
  private final Function<JsonObject, Future<String>> emitter;
  private final TriggerState state;
  private final ScopedTimers timers;
  private final Optional<ConnectionHandle> connection;
  private final StepLog log;
  private final PluginEnvironment environment;

  FlowTriggerContext(String flowId, Function<JsonObject, Future<String>> emitter, TriggerState state,
      ScopedTimers timers, Optional<ConnectionHandle> connection, StepLog log, PluginEnvironment environment) {
    this.flowId = flowId;
    this.emitter = emitter;
    this.state = state;
    this.timers = timers;
    this.connection = connection;
    this.log = log;
    this.environment = environment;
  }

  @Override
  public String flowId() {
    return flowId;
  }

  /** The event as JSON, its trigger's record written by the same rules as step outputs. */
  @Override
  public Future<String> emit(Object event) {
    if (event == null) {
      return emitter.apply(new JsonObject());
    }
    try {
      return emitter.apply(JsonBridge.object(RecordBinding.object(event)));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
  }

  @Override
  public TriggerState state() {
    return state;
  }

  @Override
  public Timers timers() {
    return timers;
  }

  ScopedTimers scopedTimers() {
    return timers;
  }

  @Override
  public Optional<ConnectionHandle> connection() {
    return connection;
  }

  @Override
  public StepLog log() {
    return log;
  }

  @Override
  public PluginEnvironment environment() {
    return environment;
  }
}
