package dev.outlookflow.runtime.triggers;

import dev.outlookflow.plugin.api.PluginEnvironment;
import dev.outlookflow.plugin.api.StepLog;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import dev.outlookflow.plugin.api.trigger.Emitted;
import dev.outlookflow.plugin.api.trigger.SharedState;
import dev.outlookflow.plugin.api.trigger.Timers;
import dev.outlookflow.plugin.api.trigger.TriggerContext;
import dev.outlookflow.plugin.api.trigger.TriggerReport;
import dev.outlookflow.plugin.api.trigger.TriggerState;
import dev.outlookflow.runtime.json.JsonBridge;
import dev.outlookflow.runtime.store.KeyText;
import dev.outlookflow.uischema.binding.RecordBinding;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** What the trigger of one flow gets. */
final class FlowTriggerContext implements TriggerContext<Object> {
  private final String flowId;
  private final Emitters emitters;
  private volatile boolean stopped;
  private final Set<Future<?>> inFlight = ConcurrentHashMap.newKeySet();
  private final TriggerState state;
  private final Optional<SharedState> shared;
  private final ScopedTimers timers;
  private final Optional<ConnectionHandle> connection;
  private final StepLog log;
  private final PluginEnvironment environment;
  private volatile TriggerReports.Reported latest;

  /**
   * How this flow's events become runs: each one, or at most one per key (with the key's time in epoch
   * millis, null for the time it is stored); and how its keys older than a mark (epoch millis) are forgotten.
   */
  record Emitters(Function<JsonObject, Future<String>> each, Once once, Function<Long, Future<Long>> forget) {}

  @FunctionalInterface
  interface Once {
    Future<Emitted> emit(JsonObject event, String key, Long keyTime);
  }

  FlowTriggerContext(String flowId, Emitters emitters, TriggerState state, Optional<SharedState> shared,
      ScopedTimers timers, Optional<ConnectionHandle> connection, StepLog log, PluginEnvironment environment) {
    this.flowId = flowId;
    this.emitters = emitters;
    this.state = state;
    this.shared = shared;
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
    return emitKeyed(event, key, null);
  }

  @Override
  public Future<Emitted> emit(Object event, String key, Instant keyTime) {
    if (keyTime == null) {
      return Future.failedFuture(new IllegalArgumentException("the key's time is missing: pass the time the key "
          + "stands for, or emit without one (emit(event, key)) to use the time it is stored"));
    }
    return millis("the key's time", keyTime).compose(time -> emitKeyed(event, key, time));
  }

  // TEMP(core branch): replaced by the engine branch's batched implementation on merge.
  @Override
  public Future<java.util.List<Emitted>> emitAll(java.util.List<dev.outlookflow.plugin.api.trigger.KeyedEvent<Object>> events) {
    Future<java.util.List<Emitted>> chain = Future.succeededFuture(new ArrayList<>());
    for (var e : events) {
      chain = chain.compose(list -> (e.keyTime() == null ? emit(e.event(), e.key()) : emit(e.event(), e.key(), e.keyTime()))
          .map(one -> { list.add(one); return list; }));
    }
    return chain;
  }

  // TEMP(core branch)
  @Override
  public Future<Emitted> emitFailed(Object event, String key, Instant keyTime, String reason) {
    return emit(new JsonObject().put("TEMP_failed", reason), key, keyTime);
  }

  private Future<Emitted> emitKeyed(Object event, String key, Long keyTime) {
    if (stopped) {
      return stoppedFailure();
    }
    Optional<String> problem = KeyText.problem("a trigger's key", key, MAX_KEY_LENGTH);
    if (problem.isPresent()) {
      return Future.failedFuture(new IllegalArgumentException(problem.get()));
    }
    return tracked(json(event).compose(json -> emitters.once().emit(json, key, keyTime)));
  }

  @Override
  public Future<Long> forgetKeysBefore(Instant mark) {
    if (stopped) {
      return stoppedFailure();
    }
    if (mark == null) {
      return Future.failedFuture(new IllegalArgumentException("the mark is missing: pass the time before which "
          + "the flow's keys are forgotten"));
    }
    return millis("the mark", mark).compose(time -> tracked(emitters.forget().apply(time)));
  }

  /** The instant as epoch millis, which the store keeps; one beyond them is refused, naming it. */
  private static Future<Long> millis(String what, Instant time) {
    try {
      return Future.succeededFuture(time.toEpochMilli());
    } catch (ArithmeticException e) {
      return Future.failedFuture(new IllegalArgumentException(what + " " + time + " is out of range: give a time "
          + "within 292 million years of 1970"));
    }
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
   * From now on every emit fails at once, so a stopped trigger's late callbacks start nothing, and reports
   * are ignored; completes once the emits already under way have stored their runs or failed.
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
  public Optional<SharedState> shared() {
    return shared;
  }

  /**
   * Keeps a bounded copy of the report; a report that cannot be read (a list that fails as it is read, say)
   * is logged and left out, the one before it kept: a trigger's report never fails the trigger.
   */
  @Override
  public void report(TriggerReport report) {
    if (stopped || report == null) {
      return;
    }
    try {
      latest = new TriggerReports.Reported(TriggerReports.bounded(report), environment.clock().instant());
    } catch (RuntimeException e) {
      log.warn("the trigger's report could not be read and is left out: " + e);
    }
  }

  /** The latest report kept, or null when the trigger has given none. */
  TriggerReports.Reported latestReport() {
    return latest;
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
