package dev.outlookflow.runtime.triggers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.plugin.api.trigger.Emitted;
import dev.outlookflow.plugin.api.trigger.StopReason;
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
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one started trigger per enabled flow: starts them at runtime start and on enable, and stops them
 * telling why ({@link StopReason}). A stop that ends the trigger for good (the flow deleted or given another
 * trigger, its connection disconnected or deleted) is followed by the trigger's {@code delete} and the
 * flow's trigger state cleared; after any other the state stays for the next start. A trigger that fails to
 * start is reported on its flow, never fatal. The starts and stops of one flow run one after another.
 */
public final class TriggerSupervisor {
  private static final Logger LOG = LoggerFactory.getLogger(TriggerSupervisor.class);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final Duration LAST_RETRY = Duration.ofMinutes(5);

  private final ExtensionRegistry registry;
  private final FlowStore flows;
  private final ConnectionService connections;
  private final RunEngine engine;
  private final RuntimeEnvironment environment;
  private final Map<String, Started> started = new ConcurrentHashMap<>();
  private final Map<String, TriggerStatus> statuses = new ConcurrentHashMap<>();
  /**
   * Per flow, the last start or stop asked for: each waits for the one before, so that a restart for a
   * connection's change and an edit of the flow, say, never leave two triggers started for one flow.
   */
  private final Map<String, Future<Void>> lanes = new ConcurrentHashMap<>();
  /** Flows whose trigger failed to start: how many times in a row, and the timer of the next try. */
  private final Map<String, Retry> retries = new ConcurrentHashMap<>();

  private record Retry(int failures, long timerId) {}

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

  /** Starts the flow's trigger unless it is started; completes (never fails) once it runs or has failed. */
  public Future<Void> start(FlowRecord flow) {
    return inLane(flow.id(), () -> startNow(flow));
  }

  /**
   * Stops the flow's trigger for {@code reason} (if it is started); a reason that ends it for good also has
   * the trigger delete what it created remotely, started or not, then clears the flow's trigger state.
   * Never fails: what the trigger fails to do is logged.
   */
  public Future<Void> stop(FlowRecord flow, StopReason reason) {
    return inLane(flow.id(), () -> stopNow(flow, reason));
  }

  /**
   * Stops the flow's trigger for {@code reason}, does {@code meanwhile} (storing the edited flow, say), then
   * starts the trigger of the flow as it is stored then, if it is enabled. {@code meanwhile}'s failure is the
   * answer's; the trigger is started again all the same.
   */
  public Future<Void> restart(FlowRecord flow, StopReason reason, Supplier<Future<?>> meanwhile) {
    return inLane(flow.id(), () -> stopNow(flow, reason)
        .compose(v -> meanwhile.get())
        .transform(done -> flows.find(flow.workspaceId(), flow.id())
            .compose(now -> now.filter(FlowRecord::enabled).map(this::startNow).orElseGet(Future::succeededFuture))
            .transform(v -> done.succeeded() ? Future.<Void>succeededFuture() : Future.failedFuture(done.cause()))));
  }

  /** Stops every started trigger for the runtime's shutdown; their state stays for the next start. */
  public Future<Void> stopAll() {
    new ArrayList<>(retries.keySet()).forEach(this::forgetRetry);
    List<Future<Void>> stops = new ArrayList<>();
    new ArrayList<>(started.keySet()).forEach(id -> stops.add(inLane(id, () -> halt(id, StopReason.SHUTDOWN))));
    return Future.join(stops).mapEmpty();
  }

  /** Shows why a flow's trigger cannot run, e.g. after its connection was removed. */
  public void markFailed(String flowId, String message) {
    statuses.put(flowId, TriggerStatus.failed(message));
  }

  /** Whether the flow's trigger listens, and while it does, its latest report. */
  public TriggerStatus status(String flowId) {
    TriggerStatus status = statuses.getOrDefault(flowId, TriggerStatus.STOPPED);
    Started running = started.get(flowId);
    return running == null ? status : status.with(running.context().latestReport());
  }

  /** Runs {@code work} once the flow's earlier starts and stops are done. */
  private Future<Void> inLane(String flowId, Supplier<Future<Void>> work) {
    Promise<Void> done = Promise.promise();
    Future<Void> before = lanes.put(flowId, done.future());
    (before == null ? Future.<Void>succeededFuture() : before).onComplete(previous -> {
      Future<Void> worked;
      try {
        worked = work.get();
      } catch (RuntimeException e) {
        worked = Future.failedFuture(e);
      }
      worked.onComplete(result -> {
        lanes.remove(flowId, done.future());
        done.handle(result);
      });
    });
    return done.future();
  }

  private Future<Void> startNow(FlowRecord flow) {
    if (started.containsKey(flow.id())) {
      return Future.succeededFuture();
    }
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
              forgetRetry(flow.id());
              started.put(flow.id(), new Started(handle, context));
              statuses.put(flow.id(), TriggerStatus.RUNNING);
              return (Void) null;
            }))
        .recover(e -> failed(flow.id(), "the trigger could not start: " + e.getMessage())
            .onComplete(v -> retryLater(flow)));
  }

  /**
   * Tries a failed start again (Graph or a sign-in may be down while the runtime starts): after 1 s, then
   * doubling up to 5 minutes, for as long as the flow is enabled and its trigger has not been stopped or started
   * meanwhile.
   */
  private void retryLater(FlowRecord flow) {
    int failures = retries.containsKey(flow.id()) ? retries.get(flow.id()).failures() + 1 : 1;
    long delay = Math.min(FIRST_RETRY.toMillis() << Math.min(failures - 1, 20), LAST_RETRY.toMillis());
    long timer = environment.vertx().setTimer(delay, id -> inLane(flow.id(), () -> {
      Retry due = retries.get(flow.id());
      TriggerStatus status = statuses.get(flow.id());
      if (due == null || due.timerId() != id || status == null || !"failed".equals(status.state())) {
        return Future.succeededFuture();
      }
      return flows.find(flow.workspaceId(), flow.id()).compose(now -> now.filter(FlowRecord::enabled)
          .map(this::startNow).orElseGet(Future::succeededFuture));
    }));
    retries.put(flow.id(), new Retry(failures, timer));
  }

  private void forgetRetry(String flowId) {
    Retry retry = retries.remove(flowId);
    if (retry != null) {
      environment.vertx().cancelTimer(retry.timerId());
    }
  }

  private Future<Void> stopNow(FlowRecord flow, StopReason reason) {
    Future<Void> halted = halt(flow.id(), reason);
    if (!reason.endsForGood()) {
      return halted;
    }
    return halted.compose(v -> cleanUp(flow)).onComplete(done -> statuses.remove(flow.id()));
  }

  /** Stops listening; what the trigger created remotely stays, and so does the flow's trigger state. */
  private Future<Void> halt(String flowId, StopReason reason) {
    statuses.put(flowId, TriggerStatus.STOPPED);
    forgetRetry(flowId);
    Started running = started.remove(flowId);
    if (running == null) {
      return Future.succeededFuture();
    }
    running.context().scopedTimers().close();
    // The trigger first, so that it stops emitting (a shared watcher drops the flow at once rather than see its
    // emits refused); then the context, which refuses emits from now on and waits for those under way.
    return running.handle().stop(reason)
        .transform(stopped -> running.context().stop().compose(v -> stopped.succeeded() ? Future.<Void>succeededFuture()
            : Future.<Void>failedFuture(stopped.cause())))
        .recover(e -> {
      LOG.warn("flow {}: trigger did not stop cleanly: {}", flowId, LogSafe.text(e.getMessage()));
      return Future.succeededFuture();
    });
  }

  /** Has the trigger delete what it created remotely, then forgets the flow's trigger state. */
  private Future<Void> cleanUp(FlowRecord flow) {
    FlowDefinition definition = FlowDefinition.fromJson(flow.definition());
    return registry.trigger(definition.trigger().type())
        .map(trigger -> context(flow, trigger, definition)
            // Built stopped: cleaning up may not start runs of a flow going away.
            .compose(context -> context.stop().map(context))
            .compose(context -> ExtensionCalls.delete(trigger.extension(), context,
                properties(trigger, definition))))
        .orElseGet(Future::succeededFuture)
        .recover(e -> {
          LOG.warn("flow {}: the trigger could not clean up: {}", flow.id(), LogSafe.text(e.getMessage()));
          return Future.succeededFuture();
        })
        .compose(v -> flows.clearTriggerState(flow.id()));
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
                event -> emit(flow, event),
                events -> emitKeyed(flow, events),
                mark -> engine.forgetKeysBefore(flow.id(), mark)),
            new DurableTriggerState(flows, flow.id()),
            connection.map(handle -> connections.sharedState(handle, trigger.plugin())),
            new ScopedTimers(environment.vertx(), log), connection, log, environment));
  }

  /** Runs the flow as it is stored now, so an edit applies to the next event. */
  private Future<String> emit(FlowRecord started, JsonObject event) {
    return current(started).compose(f -> engine.enqueue(f.workspaceId(), f.id(),
        FlowDefinition.fromJson(f.definition()), event, null));
  }

  private Future<List<Emitted>> emitKeyed(FlowRecord started, List<RunEngine.KeyedJson> events) {
    return current(started).compose(f -> engine.enqueueAll(f.workspaceId(), f.id(),
        FlowDefinition.fromJson(f.definition()), events));
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
