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
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
  private final RunQueue queue;
  private final Map<String, RunExecution> active = new ConcurrentHashMap<>();
  /** Keyed emits being stored, by flow and key. */
  private final Map<String, Future<Emitted>> keysInFlight = new ConcurrentHashMap<>();
  private volatile boolean stopping;

  /**
   * {@code payloads}: the bounded workers that parse, copy and seal events, inputs and outputs;
   * {@code memory}: how many runs' payloads the heap holds at once; {@code maxConcurrentRuns}: how many runs
   * execute at once (the others wait in the store).
   */
  public RunEngine(ExtensionRegistry registry, RunStore runs, ConnectionService connections,
      Validators validators, MasterKeys masterKeys, RuntimeEnvironment environment, WorkerExecutor payloads,
      PayloadMemory memory, int maxConcurrentRuns) {
    this.parts = new EngineParts(registry, runs, connections, new StepInputs(validators), masterKeys, environment,
        payloads, new RunTransitions(runs, environment));
    this.memory = memory;
    this.queue = new RunQueue(runs, environment.vertx(), maxConcurrentRuns, run -> execute(run, 0));
  }

  /**
   * Completes with the run's id once the run is durably stored (queued); it executes when its turn comes. The
   * full event is stored sealed with a new run key, the record keeps a truncated copy. {@code room}: the memory
   * reserved for the event when it was received, or null; released once the run is stored or refused (the run
   * reserves its own when it executes).
   */
  public Future<String> enqueue(String workspaceId, String flowId, FlowDefinition flow, JsonObject event,
      PayloadMemory.Reservation room) {
    DataKey runKey = MasterKeys.newDataKey();
    return prepared(workspaceId, flowId, flow.toJson(), SecretPaths.of(flow, parts.registry()), event, runKey, null)
        .compose(run -> parts.runs().insert(run, parts.masterKeys().wrap(runKey)).map(run))
        .onComplete(stored -> {
          release(room);
          if (stored.succeeded()) {
            queue.stored();
          }
        })
        .map(RunRecord::id);
  }

  /**
   * A keyed event as the engine takes it: its time in epoch millis (null: the time it is stored); {@code failure},
   * when not null, the reason its trigger could not make the event: its run is stored failed and never executes.
   */
  public record KeyedJson(JsonObject event, String key, Long keyTime, String failure) {}

  /**
   * Each event as {@link #enqueue}, at most once per key of the flow: a key already used answers the run
   * that holds it, not created. Emits of one key at the same moment share one store write (the others answer its
   * run, not created): in one process they never wait on each other's locks. One store transaction: the new runs are stored in the order given
   * (their {@code seq} follows it) before this completes. A key twice in the batch answers the first's run, not
   * created. Answers one {@link Emitted} per event, in order; fails as a whole (nothing of it stored) when the
   * store or an event is refused.
   */
  public Future<List<Emitted>> enqueueAll(String workspaceId, String flowId, FlowDefinition flow,
      List<KeyedJson> events) {
    List<Future<Emitted>> answers = new ArrayList<>(events.size());
    Map<String, Promise<Emitted>> owned = new LinkedHashMap<>();
    Map<String, KeyedJson> toStore = new LinkedHashMap<>();
    for (KeyedJson item : events) {
      Promise<Emitted> first = owned.get(item.key());
      if (first != null) {
        answers.add(first.future().map(emitted -> new Emitted(emitted.runId(), false)));
        continue;
      }
      Promise<Emitted> mine = Promise.promise();
      Future<Emitted> earlier = keysInFlight.putIfAbsent(slot(flowId, item.key()), mine.future());
      if (earlier != null) {
        answers.add(earlier.map(emitted -> new Emitted(emitted.runId(), false)));
        continue;
      }
      owned.put(item.key(), mine);
      toStore.put(item.key(), item);
      answers.add(mine.future());
    }
    if (!toStore.isEmpty()) {
      Future<Map<String, Emitted>> storing;
      try {
        storing = storeNew(workspaceId, flowId, flow, List.copyOf(toStore.values()));
      } catch (RuntimeException e) {
        // Failed before storing anything: the keys' slots must still be let go, or their next emits wait for ever.
        storing = Future.failedFuture(e);
      }
      storing.onComplete(stored -> owned.forEach(
          (key, promise) -> {
            keysInFlight.remove(slot(flowId, key), promise.future());
            if (stored.succeeded()) {
              promise.complete(stored.result().get(key));
            } else {
              promise.fail(stored.cause());
            }
          }));
    }
    return Future.all(answers).map(all -> all.<Emitted>list());
  }

  private static String slot(String flowId, String key) {
    return flowId + "\n" + key;
  }

  /**
   * Seals the events on the payload workers and stores them with their runs in one transaction, which reads the
   * keys used already (a key emitted again costs its sealing: one store round trip less for every batch). Answers
   * what each key's emit did, by key.
   */
  private Future<Map<String, Emitted>> storeNew(String workspaceId, String flowId, FlowDefinition flow,
      List<KeyedJson> items) {
    SecretPaths secrets = SecretPaths.of(flow, parts.registry());
    JsonObject snapshot = flow.toJson();
    return Future.all(items.stream().map(item -> keyedRun(workspaceId, flowId, snapshot, secrets, item)).toList())
        .compose(all -> {
          List<RunStore.KeyedRun> batch = all.list();
          return parts.runs().insertAll(flowId, batch).map(holders -> {
            Map<String, Emitted> answered = new HashMap<>();
            boolean queued = false;
            for (int i = 0; i < batch.size(); i++) {
              RunRecord run = batch.get(i).run();
              boolean created = holders.get(i).equals(run.id());
              queued |= created && run.status() == RunStatus.QUEUED;
              if (created && run.status() == RunStatus.FAILED) {
                parts.transitions().storedFailed(run);
              }
              answered.put(run.triggerKey(), new Emitted(holders.get(i), created));
            }
            if (queued) {
              queue.stored();
            }
            return answered;
          });
        });
  }

  /** The run to store for a keyed event: to execute, its event sealed; or, failed by its trigger, ended at once. */
  private Future<RunStore.KeyedRun> keyedRun(String workspaceId, String flowId, JsonObject snapshot,
      SecretPaths secrets, KeyedJson item) {
    if (item.failure() != null) {
      return parts.payloads().executeBlocking(() -> {
        RunRecord run = failedRun(workspaceId, flowId, snapshot, secrets, item);
        return new RunStore.KeyedRun(run, null, item.keyTime() == null ? run.createdAt() : item.keyTime());
      }, false);
    }
    DataKey runKey = MasterKeys.newDataKey();
    return prepared(workspaceId, flowId, snapshot, secrets, item.event(), runKey, item.key()).map(run -> new RunStore.KeyedRun(
        run, parts.masterKeys().wrap(runKey), item.keyTime() == null ? run.createdAt() : item.keyTime()));
  }

  /** A run that failed before its first step: its trigger could not make its event. */
  private RunRecord failedRun(String workspaceId, String flowId, JsonObject snapshot, SecretPaths secrets,
      KeyedJson item) {
    long now = parts.environment().now();
    return new RunRecord(UUID.randomUUID().toString(), workspaceId, flowId, snapshot, display(secrets, item.event()),
        null, RunStatus.FAILED, StepErrors.error("trigger_failed", item.failure()), now, null, now, null, item.key());
  }

  /** The event as the run's record shows it: its secrets redacted, truncated. */
  private static JsonObject display(SecretPaths secrets, JsonObject event) {
    return RecordHygiene.truncated(secrets.redact(event, "trigger"));
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
   * {@code triggerKey} the key it is emitted under, or null. {@code snapshot} and {@code secrets}: the flow's, made
   * once for a batch.
   */
  private Future<RunRecord> prepared(String workspaceId, String flowId, JsonObject snapshot, SecretPaths secrets,
      JsonObject event, DataKey runKey, String triggerKey) {
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
      return new RunRecord(runId, workspaceId, flowId, snapshot, display(secrets, event), sealed, RunStatus.QUEUED,
          null, now, null, null, null, triggerKey);
    }, false);
  }

  /**
   * Starts executing stored runs, at most the engine's number at once: first those a crash or shutdown left
   * running, then the queued, oldest first. Call once at start. Answers how many runs were unfinished.
   */
  public Future<Long> recover() {
    return parts.runs().countUnfinished().map(unfinished -> {
      if (unfinished > 0) {
        LOG.info("resuming {} run(s) left unfinished", unfinished);
      }
      queue.start();
      return unfinished;
    });
  }

  /**
   * Executes {@code run} once its payload has room in memory; completes once it has executed, ended, or been
   * left to the next start (its slot in the queue is free then), after any retries the store's failures cost.
   */
  private Future<Void> execute(RunRecord run, int failures) {
    if (stopping) {
      return Future.succeededFuture();
    }
    long size = run.sealedEvent() == null ? 0 : eventSize(run.sealedEvent());
    if (size > memory.largestPayload()) {
      return end(run, failures, StepErrors.error("too_large", String.format(Locale.ROOT, "the run's event is about "
          + "%,d bytes; this runtime's memory takes events of up to %,d bytes: give the runtime more memory "
          + "(java -Xmx), then run the flow again", size, memory.largestPayload())));
    }
    RunExecution execution;
    try {
      execution = new RunExecution(run, parts);
    } catch (RuntimeException unreadable) {
      return end(run, failures, StepErrors.of(unreadable));
    }
    active.put(run.id(), execution);
    // A run that would not fit beside those executing waits its turn, still holding its slot.
    return memory.reserve(size).compose(reservation -> {
      Promise<Void> executed = Promise.promise();
      parts.environment().vertx().runOnContext(v -> {
        try {
          (stopping ? Future.<Void>succeededFuture() : execution.execute()).onComplete(executed);
        } catch (RuntimeException | Error e) {
          executed.fail(e);
        }
      });
      return executed.future().transform(done -> {
        reservation.release();
        active.remove(run.id(), execution);
        if (done.failed() && StoreException.isStoreFault(done.cause()) && !stopping) {
          return retryLater(run, failures + 1, done.cause());
        }
        if (done.failed() && !stopping) {
          LOG.error("run {}: left unfinished until the next start ({})", run.id(), LogSafe.text(done.cause().toString()));
        }
        return Future.succeededFuture();
      });
    });
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
  private Future<Void> end(RunRecord run, int failures, JsonObject error) {
    return parts.transitions().end(run, RunStatus.FAILED, error).recover(e -> {
      if (StoreException.isStoreFault(e)) {
        return retryLater(run, failures + 1, e);
      }
      LOG.error("run {}: could not be recorded as failed ({})", run.id(), LogSafe.text(e.toString()));
      return Future.succeededFuture();
    });
  }

  /**
   * What stopped the run is the store (a full disk, a lock held too long), so it is still recorded
   * as unfinished: it is taken up again, less often each time, as a restart would take it up, keeping its slot
   * meanwhile. A step caught in flight follows the recovery contract then, as after a crash.
   */
  private Future<Void> retryLater(RunRecord run, int failures, Throwable cause) {
    Duration delay = retryDelay(failures);
    LOG.error("run {}: the store failed ({}); trying again in {} ms", run.id(), LogSafe.text(cause.toString()),
        delay.toMillis());
    Promise<Void> again = Promise.promise();
    parts.environment().vertx().setTimer(delay.toMillis(), t -> execute(run, failures).onComplete(again));
    return again.future();
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
    queue.stop();
    active.values().forEach(RunExecution::stopForShutdown);
  }
}
