package dev.outlookflow.runtime.triggers;

import dev.outlookflow.plugin.api.PluginEnvironment;
import dev.outlookflow.plugin.api.StepLog;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import dev.outlookflow.plugin.api.trigger.Emitted;
import dev.outlookflow.plugin.api.trigger.Timers;
import dev.outlookflow.plugin.api.trigger.TriggerContext;
import dev.outlookflow.plugin.api.trigger.TriggerState;
import dev.outlookflow.runtime.json.JsonBridge;
import dev.outlookflow.uischema.binding.RecordBinding;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** What the trigger of one flow gets. */
final class FlowTriggerContext implements TriggerContext<Object> {
  private final String flowId;
  private final Emitters emitters;
  private volatile boolean stopped;
  private final TriggerState state;
  private final ScopedTimers timers;
  private final Optional<ConnectionHandle> connection;
  private final StepLog log;
  private final PluginEnvironment environment;

  /** How this flow's events become runs: each one, or at most one per key. */
  record Emitters(Function<JsonObject, Future<String>> each, BiFunction<JsonObject, String, Future<Emitted>> once) {}

  FlowTriggerContext(String flowId, Emitters emitters, TriggerState state,
      ScopedTimers timers, Optional<ConnectionHandle> connection, StepLog log, PluginEnvironment environment) {
    this.flowId = flowId;
    this.emitters = emitters;
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
    return json(event).compose(emitters.each());
  }

  @Override
  public Future<Emitted> emit(Object event, String key) {
    if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      return Future.failedFuture(new IllegalArgumentException("a trigger's key must be 1 to " + MAX_KEY_LENGTH
          + " characters long; this one is " + (key == null ? "missing" : key.length() + " characters")));
    }
    return json(event).compose(json -> emitters.once().apply(json, key));
  }

  private Future<JsonObject> json(Object event) {
    if (stopped) {
      return Future.failedFuture(new IllegalStateException("the trigger of flow " + flowId
          + " was stopped; it starts no more runs until it is started again"));
    }
    if (event == null) {
      return Future.succeededFuture(new JsonObject());
    }
    try {
      return Future.succeededFuture(JsonBridge.object(RecordBinding.object(event)));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
  }

  /** From now on every emit fails at once: a stopped trigger's late callbacks start nothing. */
  void stop() {
    stopped = true;
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
