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
import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/** What the trigger of one flow gets. */
final class FlowTriggerContext implements TriggerContext<Object> {
  private final String flowId;
  private final Emitters emitters;
  private volatile boolean stopped;
  private final Set<Future<?>> inFlight = ConcurrentHashMap.newKeySet();
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
    if (stopped) {
      return stoppedFailure();
    }
    return tracked(json(event).compose(emitters.each()));
  }

  @Override
  public Future<Emitted> emit(Object event, String key) {
    if (stopped) {
      return stoppedFailure();
    }
    Optional<String> problem = TriggerKeys.problem(key);
    if (problem.isPresent()) {
      return Future.failedFuture(new IllegalArgumentException(problem.get()));
    }
    return tracked(json(event).compose(json -> emitters.once().apply(json, key)));
  }

  private <T> Future<T> stoppedFailure() {
    return Future.failedFuture(new IllegalStateException("the trigger of flow " + flowId
        + " was stopped; it starts no more runs until it is started again"));
  }

  /** Kept until it completes, so that stopping waits for the emits already under way. */
  private <T> Future<T> tracked(Future<T> emit) {
    inFlight.add(emit);
    return emit.onComplete(done -> inFlight.remove(emit));
  }

  private static Future<JsonObject> json(Object event) {
    if (event == null) {
      return Future.succeededFuture(new JsonObject());
    }
    try {
      return Future.succeededFuture(JsonBridge.object(RecordBinding.object(event)));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * From now on every emit fails at once, so a stopped trigger's late callbacks start nothing; completes once
   * the emits already under way have stored their runs or failed.
   */
  Future<Void> stop() {
    stopped = true;
    return Future.join(new ArrayList<>(inFlight)).mapEmpty();
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
