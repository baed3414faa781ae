package dev.outlookflow.runtime.engine;

import dev.outlookflow.plugin.api.trigger.Emitted;
import dev.outlookflow.runtime.connections.ConnectionService;
import dev.outlookflow.runtime.environment.RuntimeEnvironment;
import dev.outlookflow.runtime.failures.StoreException;
import dev.outlookflow.runtime.logs.LogSafe;
import dev.outlookflow.runtime.model.FlowDefinition;
import dev.outlookflow.runtime.model.RunRecord;
import dev.outlookflow.runtime.model.RunStatus;
import dev.outlookflow.runtime.plugins.ExtensionRegistry;
import dev.outlookflow.runtime.problem.Problem;
import dev.outlookflow.runtime.problem.Validators;
import dev.outlookflow.runtime.secrets.DataKey;
import dev.outlookflow.runtime.secrets.MasterKeys;
import dev.outlookflow.runtime.store.RunStore;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores runs before acknowledging them, then executes them; at start, resumes what a crash or
 * shutdown left unfinished.
 */
public final class RunEngine {
  private static final Logger LOG = LoggerFactory.getLogger(RunEngine.class);

  private static final Duration FIRST_RETRY = Duration.ofMillis(250);
  private static final Duration LONGEST_RETRY = Duration.ofMinutes(1);

  private final EngineParts parts;
  private final PayloadMemory memory;
  private final Map<String, RunExecution> active = new ConcurrentHashMap<>();
  /** Keyed emits being stored, by flow and key. */
  private final Map<String, Future<Emitted>> keysInFlight = new ConcurrentHashMap<>();
  private volatile boolean stopping;

  /**
   * {@code payloads}: the bounded workers that parse, copy and seal events, inputs and outputs;
   * {@code memory}: how many runs' payloads the heap holds at once.
   */
  public RunEngine(ExtensionRegistry registry, RunStore runs, ConnectionService connections,
      Validators validators, MasterKeys masterKeys, RuntimeEnvironment environment, WorkerExecutor payloads,
      PayloadMemory memory) {
    this.parts = new EngineParts(registry, runs, connections, new StepInputs(validators), masterKeys, environment,
        payloads, new RunTransitions(runs, environment));
    this.memory = memory;
  }

  /**
   * Completes with the run's id once the run is durably stored (queued); then executes it. The full
   * event is stored sealed with a new run key, the record keeps a truncated copy. {@code room}: the
   * memory reserved for the event when it was received (null: it is reserved before the run
   * executes); it is kept until the run has executed, or released if the run is not stored.
   */
  public Future<String> enqueue(String workspaceId, String flowId, FlowDefinition flow, JsonObject event,
      PayloadMemory.Reservation room) {
    DataKey runKey = MasterKeys.newDataKey();
    return prepared(workspaceId, flowId, flow, event, runKey, null)
        .compose(run -> parts.runs().insert(run, parts.masterKeys().wrap(runKey)).map(run))
        .onComplete(stored -> scheduleIfStored(stored, room))
        .map(RunRecord::id);
  }

  /**
   * As {@link #enqueue}, at most once per {@code key} of the flow: a key already used answers the run that
   * holds it, not created, and nothing is scheduled. Emits of one key at the same moment share one store
   * write (the others answer its run, not created): in one process they never wait on each other's locks.
   * {@code keyTime} (epoch millis) is what {@link #forgetKeysBefore} prunes the key by; null: the time the
   * run is stored.
   */
  public Future<Emitted> enqueueOnce(String workspaceId, String flowId, FlowDefinition flow, JsonObject event,
      String key, Long keyTime) {
    String slot = flowId + "\n" + key;
    Promise<Emitted> mine = Promise.promise();
    Future<Emitted> earlier = keysInFlight.putIfAbsent(slot, mine.future());
    if (earlier != null) {
      return earlier.map(emitted -> new Emitted(emitted.runId(), false));
    }
    storeOnce(workspaceId, flowId, flow, event, key, keyTime).onComplete(done -> {
      keysInFlight.remove(slot, mine.future());
      mine.handle(done);
    });
    return mine.future();
  }

  /** A key already used costs one read; a new one is sealed and stored with its run under the unique key. */
  private Future<Emitted> storeOnce(String workspaceId, String flowId, FlowDefinition flow, JsonObject event,
      String key, Long keyTime) {
    return parts.runs().runForKey(flowId, key).compose(holder -> {
      if (holder.isPresent()) {
        return Future.succeededFuture(new Emitted(holder.get(), false));
      }
      DataKey runKey = MasterKeys.newDataKey();
      return prepared(workspaceId, flowId, flow, event, runKey, key).compose(run -> parts.runs()
          .insertOnce(run, parts.masterKeys().wrap(runKey), keyTime == null ? run.createdAt() : keyTime)
          .map(stored -> {
            boolean created = stored.equals(run.id());
            if (created) {
              schedule(run, 0, null);
            }
            return new Emitted(stored, created);
          }));
    });
  }

  /**
   * Forgets the flow's trigger keys whose time is before {@code mark}: emitted again, such a key starts a
   * new run. Answers how many were forgotten.
   */
  public Future<Long> forgetKeysBefore(String flowId, long mark) {
    return parts.runs().forgetKeysBefore(flowId, mark);
  }

  /**
   * The run as it is stored: the full event sealed with its new run key, a truncated copy in the record;
   * {@code triggerKey} the key it is emitted under, or null.
   */
  private Future<RunRecord> prepared(String workspaceId, String flowId, FlowDefinition flow, JsonObject event,
      DataKey runKey, String triggerKey) {
    String runId = UUID.randomUUID().toString();
    long now = parts.environment().now();
    return parts.payloads().executeBlocking(() -> {
      String sealed = runKey.seal(event.encode(), workspaceId, runId, "event");
      if (eventSize(sealed) > memory.largestPayload()) {
        // Measured as the run will be when it executes, so that a run taken is never one too large to run.
        throw Problem.tooLarge(String.format(Locale.ROOT, "the event is about %,d bytes; this runtime's memory takes "
            + "events of up to %,d bytes: make the event smaller, or give the runtime more memory (java -Xmx)",
            eventSize(sealed), memory.largestPayload()));
      }
      JsonObject display = RecordHygiene.truncated(SecretPaths.of(flow, parts.registry()).redact(event, "trigger"));
      return new RunRecord(runId, workspaceId, flowId, flow.toJson(), display, sealed, RunStatus.QUEUED, null, now,
          null, null, null, triggerKey);
    }, false);
  }

  private void scheduleIfStored(AsyncResult<RunRecord> stored, PayloadMemory.Reservation room) {
    if (stored.succeeded()) {
      schedule(stored.result(), 0, room);
    } else if (room != null) {
      room.release();
    }
  }

  /** Resumes every queued or running run; call once at start, before anything enqueues. */
  public Future<Integer> recover() {
    return parts.runs().listUnfinished().map(unfinished -> {
      unfinished.forEach(run -> schedule(run, 0, null));
      if (!unfinished.isEmpty()) {
        LOG.info("resuming {} run(s) left unfinished", unfinished.size());
      }
      return unfinished.size();
    });
  }

  /**
   * Executes {@code run} once its payload has room in memory ({@code held}: room already reserved
   * for it, or null), unless it is executing already.
   */
  private void schedule(RunRecord run, int failures, PayloadMemory.Reservation held) {
    long size = run.sealedEvent() == null ? 0 : eventSize(run.sealedEvent());
    if (stopping || (held == null && size > memory.largestPayload())) {
      release(held);
      if (!stopping) {
        end(run, failures, StepErrors.error("too_large", String.format(Locale.ROOT, "the run's event is about %,d "
            + "bytes; this runtime's memory takes events of up to %,d bytes: give the runtime more memory (java -Xmx), "
            + "then run the flow again", size, memory.largestPayload())));
      }
      return;
    }
    RunExecution execution;
    try {
      execution = new RunExecution(run, parts);
    } catch (RuntimeException unreadable) {
      release(held);
      end(run, failures, StepErrors.of(unreadable));
      return;
    }
    if (active.putIfAbsent(run.id(), execution) != null) {
      release(held);
      return; // already executing: enqueued while recover() was listing unfinished runs
    }
    // Runs that would not fit beside those executing wait their turn, stored as queued meanwhile.
    Future<PayloadMemory.Reservation> room = held != null ? Future.succeededFuture(held) : memory.reserve(size);
    room.onSuccess(reservation -> parts.environment().vertx().runOnContext(v -> {
      Future<Void> executed;
      try {
        executed = stopping ? Future.succeededFuture() : execution.execute();
      } catch (RuntimeException | Error e) {
        executed = Future.failedFuture(e);
      }
      executed.onComplete(done -> {
        reservation.release();
        active.remove(run.id());
        if (done.failed() && StoreException.isStoreFault(done.cause())) {
          retryLater(run, failures + 1, done.cause());
        } else if (done.failed() && !stopping) {
          LOG.error("run {}: left unfinished until the next start ({})", run.id(), LogSafe.text(done.cause().toString()));
        }
      });
    }));
  }

  private static void release(PayloadMemory.Reservation held) {
    if (held != null) {
      held.release();
    }
  }

  /**
   * Ends a run that cannot execute here (too large for this heap, a snapshot it cannot read),
   * saying why, instead of waiting or retrying for ever; only the store's failure to record that is
   * taken up again.
   */
  private void end(RunRecord run, int failures, JsonObject error) {
    parts.transitions().end(run, RunStatus.FAILED, error).onFailure(e -> {
      if (StoreException.isStoreFault(e)) {
        retryLater(run, failures + 1, e);
      } else {
        LOG.error("run {}: could not be recorded as failed ({})", run.id(), LogSafe.text(e.toString()));
      }
    });
  }

  /**
   * What stopped the run is the store (a full disk, a lock held too long), so it is still recorded
   * as unfinished: it is taken up again, less often each time, as a restart would take it up. A
   * step caught in flight follows the recovery contract then, as after a crash.
   */
  private void retryLater(RunRecord run, int failures, Throwable cause) {
    Duration delay = retryDelay(failures);
    LOG.error("run {}: the store failed ({}); trying again in {} ms", run.id(), LogSafe.text(cause.toString()),
        delay.toMillis());
    parts.environment().vertx().setTimer(delay.toMillis(), t -> schedule(run, failures, null));
  }

  /** An event's size as UTF-8 bytes, from its sealed copy: base64, four characters for three bytes. */
  private static long eventSize(String sealed) {
    return sealed.length() / 4L * 3;
  }

  static Duration retryDelay(int failures) {
    Duration doubled = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 16));
    return doubled.compareTo(LONGEST_RETRY) < 0 ? doubled : LONGEST_RETRY;
  }

  /**
   * Cancels a queued or running run of the workspace: the request is stored first, so that a run
   * cut short by a crash is not resumed but ends cancelled at the next start. A run executing here is
   * asked to stop its step in flight and ends itself; any other ends now, and never starts. Answers the
   * run as it was when the request was stored.
   */
  public Future<RunRecord> cancel(String workspaceId, String runId) {
    return parts.runs().requestCancel(workspaceId, runId, parts.environment().now()).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(Problem.notFound("run", runId));
      }
      RunRecord run = found.get();
      if (run.status().isFinal()) {
        return Future.failedFuture(Problem.conflict("run " + runId + " has already ended: it is "
            + run.status().value() + "; only a queued or running run can be cancelled"));
      }
      RunExecution execution = active.get(runId);
      if (execution != null && execution.cancelByUser()) {
        return Future.succeededFuture(run);
      }
      // A step left in flight (the run awaits its start-up recovery, or a retry after a store failure) is
      // taken up by that execution, which finds the stored cancellation: what the step did gets recorded.
      return parts.runs().stepRecords(runId).compose(steps -> steps.stream()
          .anyMatch(step -> step.status() == RunStatus.RUNNING)
          ? Future.succeededFuture(run)
          : parts.transitions().end(run, RunStatus.CANCELLED, StepErrors.cancelled()).map(run));
    });
  }

  /** Stops starting work; steps in flight stay recorded as running and resume at next start. */
  public void stop() {
    stopping = true;
    active.values().forEach(RunExecution::stopForShutdown);
  }
}
