package dev.outlookflow.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.plugin.api.action.Action;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import dev.outlookflow.runtime.failures.StoreException;
import dev.outlookflow.runtime.json.JsonBridge;
import dev.outlookflow.runtime.logs.LogSafe;
import dev.outlookflow.runtime.model.FlowDefinition.StepSpec;
import dev.outlookflow.runtime.model.FlowDefinition;
import dev.outlookflow.runtime.model.RunRecord;
import dev.outlookflow.runtime.model.RunStart;
import dev.outlookflow.runtime.model.RunStatus;
import dev.outlookflow.runtime.model.StepRecord;
import dev.outlookflow.runtime.plugins.ExtensionCalls;
import dev.outlookflow.runtime.plugins.Registered;
import dev.outlookflow.runtime.secrets.DataKey;
import dev.outlookflow.runtime.store.RunStore;
import dev.outlookflow.uischema.binding.RecordBinding;
import dev.outlookflow.uischema.form.Form;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one run's steps in order. Steps already finished (before a crash) are not run again; a step
 * found in flight is re-invoked in recovery if its action supports that, else marked interrupted.
 * Full inputs, outputs and the event are kept sealed with the run key; records get display copies.
 * Its cancellation has two meanings: a shutdown leaves the run and its step in flight recorded, to be
 * resumed at the next start; a user's cancellation ends the run cancelled, once the step in flight
 * has stopped (a step that completes anyway is recorded as it completed).
 */
final class RunExecution {
  private static final Logger LOG = LoggerFactory.getLogger(RunExecution.class);

  private final RunRecord run;
  private final FlowDefinition flow;
  private final EngineParts parts;
  private final CancellationSignal cancellation = new CancellationSignal();
  private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.WAITING);
  private volatile boolean shuttingDown;
  private volatile boolean cancelledByUser;
  private final ObjectNode bindings = JsonNodeFactory.instance.objectNode();
  private final ObjectNode stepOutputs = bindings.putObject("steps");
  private final SecretPaths secretPaths;
  private DataKey runKey;
  /** The step begun and not yet ended, for a failure that is not the step's own. */
  private StepSpec inFlight;
  /** The last step's success, stored with the run's ending in one commit (or alone at a shutdown). */

  RunExecution(RunRecord run, EngineParts parts) {
    this.run = run;
    this.flow = FlowDefinition.fromJson(run.flowSnapshot());
    this.parts = parts;
    this.secretPaths = SecretPaths.of(flow, parts.registry());
  }

  /** The runtime is stopping: the step in flight stays recorded as running, and no other starts. */
  void stopForShutdown() {
    shuttingDown = true;
    cancellation.cancel();
  }

  /**
   * A user cancelled the run, as stored already. Answers whether this execution has begun and so ends
   * the run itself; if not, it never begins and the caller ends the run.
   */
  boolean cancelByUser() {
    cancelledByUser = true;
    cancellation.cancel();
    if (phase.compareAndSet(Phase.WAITING, Phase.ABANDONED)) {
      return false;
    }
    // Set aside by an earlier cancel whose ending failed: the caller ends the run, as it did then.
    return phase.get() == Phase.BEGUN;
  }

  Future<Void> execute() {
    if (!phase.compareAndSet(Phase.WAITING, Phase.BEGUN)) {
      return Future.succeededFuture();
    }
    return parts.transitions().start(run)
        .compose(start -> {
          if (start == RunStart.REFUSED) {
            // Cancelled before this execution began (before a crash, say): no step starts; a step left in flight
            // is taken up, asked to stop, so that what it did (a mail sent, say) is recorded as it happened.
            cancelledByUser = true;
            cancellation.cancel();
          }
          return parts.runs().runKey(run.id()).compose(wrapped -> {
              if (wrapped.isEmpty()) {
                // Trying again would not bring the key back: the run ends, saying why.
                return finish(RunStatus.FAILED, StepErrors.error("unreadable",
                    "the runtime lost this run's key, so its event and step data cannot be read: run the flow again"));
              }
              return begin(parts.masterKeys().unwrap(wrapped.get()), start == RunStart.STARTED);
            });
        })
        .recover(this::endUnlessTheStoreFailed);
  }

  /**
   * Only the store's failures leave the run unfinished, to be taken up again: anything else (a value
   * the runtime cannot handle, an {@link Error}) would fail the same way every time, so it ends the
   * step in flight and the run, with its reason.
   */
  private Future<Void> endUnlessTheStoreFailed(Throwable cause) {
    if (StoreException.isStoreFault(cause) || shuttingDown) {
      return Future.failedFuture(cause);
    }
    LOG.error("run {}: ended as failed by {}", run.id(), LogSafe.text(cause.toString()), cause);
    JsonObject error = StepErrors.of(cause);
    StepSpec failed = inFlight;
    if (failed == null) {
      return finish(RunStatus.FAILED, error);
    }
    return parts.runs().finishStep(run.id(), new RunStore.StepEnd(failed.id(), RunStatus.FAILED, null, null, error,
            parts.environment().now()))
        .compose(v -> finish(RunStatus.FAILED, stepFailure(failed, error)));
  }

  /** {@code fresh}: the run was queued until now, so it has no steps recorded yet. */
  private Future<Void> begin(DataKey key, boolean fresh) {
    runKey = key;
    return payload(() -> JsonBridge.parse(open(run.sealedEvent(), "event")))
        .compose(event -> {
          bindings.set("trigger", event);
          return fresh ? Future.succeededFuture(List.<StepRecord>of()) : parts.runs().steps(run.id());
        })
        .map(steps -> steps.stream().collect(Collectors.toMap(StepRecord::stepId, Function.identity())))
        .compose(earlier -> step(0, earlier));
  }

  private Future<Void> step(int index, Map<String, StepRecord> earlier) {
    inFlight = null;
    if (shuttingDown) {
      return Future.succeededFuture();
    }
    if (index == flow.steps().size()) {
      return finish(cancelledByUser ? RunStatus.CANCELLED : RunStatus.SUCCEEDED,
          cancelledByUser ? StepErrors.cancelled() : null);
    }
    StepSpec spec = flow.steps().get(index);
    StepRecord previous = earlier.get(spec.id());
    boolean leftInFlight = previous != null && previous.status() == RunStatus.RUNNING;
    if (cancelledByUser && !leftInFlight && (previous == null || previous.status() != RunStatus.SUCCEEDED)) {
      return finish(RunStatus.CANCELLED, StepErrors.cancelled());
    }
    if (previous == null) {
      inFlight = spec;
      return start(index, spec).compose(outcome -> next(index, outcome, earlier));
    }
    if (previous.status() == RunStatus.SUCCEEDED) {
      return payload(() -> JsonBridge.parse(open(previous.sealedOutput(), stepPart(spec, "output"))))
          .compose(output -> {
            stepOutputs.set(spec.id(), output);
            return step(index + 1, earlier);
          });
    }
    if (previous.status() == RunStatus.RUNNING) {
      inFlight = spec;
      return resume(spec, previous).compose(outcome -> next(index, outcome, earlier));
    }
    return finish(previous.status(), stepFailure(spec, previous.error()));
  }

  private Future<Void> next(int index, StepOutcome outcome, Map<String, StepRecord> earlier) {
    if (cancelledByUser && outcome.status() != RunStatus.RUNNING) {
      // The step ended as it did (succeeded, cancelled, interrupted); the run ends as its user asked.
      return finish(RunStatus.CANCELLED, outcome.status() == RunStatus.SUCCEEDED ? StepErrors.cancelled()
          : stepFailure(flow.steps().get(index), StepErrors.cancelled()));
    }
    if (outcome.status() == RunStatus.SUCCEEDED) {
      return step(index + 1, earlier);
    }
    if (outcome.status() == RunStatus.RUNNING) {
      return Future.succeededFuture();
    }
    return finish(outcome.status(), stepFailure(flow.steps().get(index), outcome.error()));
  }

  /** A step's input as the action gets it, its display copy and its sealed copy. */
  private record PreparedInput(ObjectNode input, ExtensionCalls.BoundAction call, JsonObject display, String sealed) {}

  private Future<StepOutcome> start(int index, StepSpec spec) {
    long now = parts.environment().now();
    Optional<Registered<Action<?, ?>>> action = parts.registry().action(spec.type());
    return payload(() -> {
      if (action.isEmpty()) {
        throw notLoaded(spec);
      }
      Form form = action.get().form();
      ObjectNode input = parts.inputs().resolve(form, spec.properties(), bindings);
      return new PreparedInput(input, ExtensionCalls.bind(action.get().extension(), input),
          RecordHygiene.display(JsonBridge.object(input), form), seal(JsonBridge.text(input), stepPart(spec, "input")));
    }).transform(prepared -> {
      if (prepared.failed()) {
        StepRecord failed = new StepRecord(run.id(), spec.id(), index, spec.type(), RunStatus.FAILED,
            null, null, null, null, StepErrors.of(prepared.cause()), null, now, now);
        return parts.runs().startStep(failed).map(new StepOutcome(RunStatus.FAILED, failed.error()));
      }
      PreparedInput input = prepared.result();
      StepRecord running = new StepRecord(run.id(), spec.id(), index, spec.type(), RunStatus.RUNNING,
          input.display(), input.sealed(), null, null, null, new JsonObject(), now, null);
      return parts.runs().startStep(running)
          .compose(v -> invoke(action.get(), spec, input.input(), input.call(), new JsonObject(), false));
    });
  }

  private Future<StepOutcome> resume(StepSpec spec, StepRecord inFlightStep) {
    Optional<Registered<Action<?, ?>>> action = parts.registry().action(spec.type());
    if (action.isEmpty()) {
      return record(spec, RunStatus.FAILED, StepErrors.of(notLoaded(spec)));
    }
    if (!action.get().extension().descriptor().supportsRecovery()) {
      LOG.warn("run {} step {}: interrupted by a crash; {} cannot be safely re-run", run.id(), spec.id(),
          spec.type());
      return record(spec, RunStatus.INTERRUPTED, StepErrors.error("interrupted",
          "the runtime stopped while this step was running, and " + spec.type()
              + " cannot be safely re-run: check whether its effect happened, then run the flow again"));
    }
    if (cancelledByUser) {
      LOG.info("run {} step {}: taken up after a crash, asked to stop, to record what it did (its run was "
          + "cancelled)", run.id(), spec.id());
    } else {
      LOG.info("run {} step {}: resuming after a crash from its recorded state", run.id(), spec.id());
    }
    return payload(() -> {
      ObjectNode input = JsonBridge.parse(open(inFlightStep.sealedInput(), stepPart(spec, "input")));
      return Map.entry(input, ExtensionCalls.bind(action.get().extension(), input));
    }).compose(input -> invoke(action.get(), spec, input.getKey(), input.getValue(), inFlightStep.state(), true));
  }

  private Future<StepOutcome> invoke(
      Registered<Action<?, ?>> action, StepSpec spec, ObjectNode input, ExtensionCalls.BoundAction bound,
      JsonObject state, boolean recovering) {
    return parts.connections().forForm(run.workspaceId(), action.form(), input)
        .compose(connection -> call(action, spec, bound, state, recovering, connection))
        .transform(done -> {
          if (shuttingDown) {
            // The step stays in flight in the store and is recovered at next start.
            return Future.succeededFuture(new StepOutcome(RunStatus.RUNNING, null));
          }
          if (done.failed() && cancelledByUser) {
            // The step's own sentence says what it left behind (a draft, say), or why it failed meanwhile.
            return record(spec, RunStatus.CANCELLED, StepErrors.of(done.cause()));
          }
          if (done.succeeded()) {
            return succeeded(spec, done.result());
          }
          return record(spec, RunStatus.FAILED, StepErrors.of(done.cause()));
        });
  }

  /** The action gets its input bound: the copies the run keeps were made from the same values before the call. */
  private Future<Object> call(Registered<Action<?, ?>> action, StepSpec spec, ExtensionCalls.BoundAction bound,
      JsonObject state, boolean recovering, Optional<ConnectionHandle> connection) {
    StepContext context = new StepContext(run.id(), spec.id(), connection, state, recovering,
        new PrefixedLog(action.plugin(), "run " + run.id() + " step " + spec.id()), cancellation,
        parts.environment(), parts.runs());
    try {
      return bound.execute(context);
    } catch (RuntimeException | Error e) {
      return Future.failedFuture(e);
    }
  }

  /** A step's output, the display and sealed copies made on a worker: an output may be megabytes. */
  private record RecordedOutput(JsonNode tree, JsonObject display, String sealed) {}

  /** An output is written from its record here, on a worker: a listing may hold thousands of messages. */
  private Future<StepOutcome> succeeded(StepSpec spec, Object result) {
    return payload(() -> {
      ObjectNode output = result == null ? JsonNodeFactory.instance.objectNode() : RecordBinding.object(result);
      return new RecordedOutput(output,
          RecordHygiene.truncated(secretPaths.redact(JsonBridge.object(output), "steps", spec.id())),
          seal(JsonBridge.text(output), stepPart(spec, "output")));
    })
        .compose(recorded -> {
          stepOutputs.set(spec.id(), recorded.tree());
          RunStore.StepEnd end = new RunStore.StepEnd(spec.id(), RunStatus.SUCCEEDED, recorded.display(),
              recorded.sealed(), null, parts.environment().now());
          // Committed on its own, before the run ends: were the run's end refused by the store and the run taken up
          // again, the step must not run twice.
          return parts.runs().finishStep(run.id(), end);
        })
        .map(new StepOutcome(RunStatus.SUCCEEDED, null));
  }

  private Future<StepOutcome> record(StepSpec spec, RunStatus status, JsonObject error) {
    return parts.runs().finishStep(run.id(), new RunStore.StepEnd(spec.id(), status, null, null, error,
            parts.environment().now()))
        .map(new StepOutcome(status, error));
  }

  /** Work proportional to a payload's size (parsing, copying, sealing) runs on a worker, off the event loop. */
  private <T> Future<T> payload(Callable<T> work) {
    return parts.payloads().executeBlocking(work, false);
  }

  private Future<Void> finish(RunStatus status, JsonObject error) {
    return parts.transitions().end(run, status, error);
  }

  /** Sealed values are bound to their workspace, run and place in the run. */
  private String seal(String plaintext, String part) {
    return runKey.seal(plaintext, run.workspaceId(), run.id(), part);
  }

  private String open(String sealed, String part) {
    return runKey.open(sealed, run.workspaceId(), run.id(), part);
  }

  private static String stepPart(StepSpec spec, String what) {
    return "step:" + spec.id() + ":" + what;
  }

  private static JsonObject stepFailure(StepSpec spec, JsonObject error) {
    JsonObject failure = error == null ? new JsonObject() : error.copy();
    return failure.put("step", spec.id());
  }

  private static RuntimeException notLoaded(StepSpec spec) {
    return new IllegalStateException("action " + spec.type() + " is not loaded: is its plugin in the plugins folder?");
  }

  /** Waiting for room in memory, begun, or given up before it began because it was cancelled. */
  private enum Phase { WAITING, BEGUN, ABANDONED }

  /**
   * How a step ended, or {@code RUNNING} when the runtime is stopping and leaves it in flight; a step
   * that succeeds despite a user's cancellation is {@code SUCCEEDED}, one that stopped {@code CANCELLED}.
   */
  private record StepOutcome(RunStatus status, JsonObject error) {}
}
