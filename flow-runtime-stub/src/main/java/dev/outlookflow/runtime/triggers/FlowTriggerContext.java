package dev.outlookflow.runtime.triggers;

import dev.outlookflow.plugin.api.PluginEnvironment;
import dev.outlookflow.plugin.api.StepLog;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import dev.outlookflow.plugin.api.trigger.Emitted;
import dev.outlookflow.plugin.api.trigger.KeyedEvent;
import dev.outlookflow.plugin.api.trigger.SharedState;
import dev.outlookflow.plugin.api.trigger.Timers;
import dev.outlookflow.plugin.api.trigger.TriggerContext;
import dev.outlookflow.plugin.api.trigger.TriggerReport;
import dev.outlookflow.plugin.api.trigger.TriggerState;
import dev.outlookflow.runtime.engine.RunEngine.KeyedJson;
import dev.outlookflow.runtime.json.JsonBridge;
import dev.outlookflow.runtime.store.KeyText;
import dev.outlookflow.uischema.binding.RecordBinding;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
  record Emitters(Function<JsonObject, Future<String>> each, Function<List<KeyedJson>, Future<List<Emitted>>> keyed,
      Function<Long, Future<Long>> forget) {}

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

  private Future<Emitted> emitKeyed(Object event, String key, Long keyTime) {
    if (stopped) {
      return stoppedFailure();
    }
    Optional<String> problem = KeyText.problem("a trigger's key", key, MAX_KEY_LENGTH);
    if (problem.isPresent()) {
      return Future.failedFuture(new IllegalArgumentException(problem.get()));
    }
    return tracked(json(event).compose(json -> emitters.keyed().apply(List.of(new KeyedJson(json, key, keyTime,
        null))).map(answers -> answers.get(0))));
  }

  @Override
  public Future<List<Emitted>> emitAll(List<KeyedEvent<Object>> events) {
    if (stopped) {
      return stoppedFailure();
    }
    if (events == null || events.isEmpty() || events.size() > MAX_BATCH) {
      return Future.failedFuture(new IllegalArgumentException("a batch of " + (events == null ? 0 : events.size())
          + " events: emitAll takes 1 to " + MAX_BATCH + "; emit larger batches in parts"));
    }
    List<KeyedJson> batch = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      KeyedEvent<Object> item = events.get(i);
      Future<KeyedJson> checked = item == null ? Future.failedFuture(new IllegalArgumentException("it is missing"))
          : keyed(item.event(), item.key(), item.keyTime(), null);
      if (checked.failed()) {
        return Future.failedFuture(new IllegalArgumentException("event " + i + " of the batch: "
            + checked.cause().getMessage() + "; nothing of the batch was emitted", checked.cause()));
      }
      batch.add(checked.result());
    }
    return tracked(emitters.keyed().apply(batch));
  }

  /** The most characters of the reason {@link #emitFailed} records. */
  static final int MAX_REASON = 1_000;

  @Override
  public Future<Emitted> emitFailed(Object event, String key, Instant keyTime, String reason) {
    if (stopped) {
      return stoppedFailure();
    }
    if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
      return Future.failedFuture(new IllegalArgumentException("the reason is " + (reason == null || reason.isBlank()
          ? "missing" : reason.length() + " characters") + ": give a sentence of 1 to " + MAX_REASON
          + " characters saying why the trigger could not make the event"));
    }
    Future<KeyedJson> checked = keyed(event, key, keyTime, reason);
    return checked.failed() ? checked.map(k -> null)
        : tracked(emitters.keyed().apply(List.of(checked.result())).map(answers -> answers.get(0)));
  }

  /** A keyed event checked as {@link #emit(Object, String, Instant)} checks it, its time null when not given. */
  private static Future<KeyedJson> keyed(Object event, String key, Instant keyTime, String failure) {
    Optional<String> problem = KeyText.problem("a trigger's key", key, MAX_KEY_LENGTH);
    if (problem.isPresent()) {
      return Future.failedFuture(new IllegalArgumentException(problem.get()));
    }
    Future<Long> time = keyTime == null ? Future.succeededFuture(null) : millis("the key's time", keyTime);
    return time.compose(millis -> json(event).map(json -> new KeyedJson(json, key, millis, failure)));
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
