package dev.outlookflow.runtime.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlookflow.plugin.api.action.Action;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import dev.outlookflow.runtime.JsonBridge;
import dev.outlookflow.runtime.plugins.Registered;
import dev.outlookflow.runtime.secrets.DataKey;
import dev.outlookflow.runtime.store.FlowDefinition;
import dev.outlookflow.runtime.store.FlowDefinition.StepSpec;
import dev.outlookflow.runtime.store.RunRecord;
import dev.outlookflow.runtime.store.RunStatus;
import dev.outlookflow.runtime.store.StepRecord;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one run's steps in order. Steps already finished (before a crash) are not run again; a step
 * found in flight is re-invoked in recovery if its action supports that, else marked interrupted.
 * Full inputs, outputs and the event are kept sealed with the run key; records get display copies.
 */
final class RunExecution {
  private static final Logger LOG = LoggerFactory.getLogger(RunExecution.class);

  private final RunRecord run;
  private final FlowDefinition flow;
  private final EngineParts parts;
  private final CancellationSignal cancellation = new CancellationSignal();
  private final ObjectNode bindings = JsonNodeFactory.instance.objectNode();
  private final ObjectNode stepOutputs = bindings.putObject("steps");
  private final SecretPaths secretPaths;
  private DataKey runKey;

  RunExecution(RunRecord run, EngineParts parts) {
    this.run = run;
    this.flow = FlowDefinition.fromJson(run.flowSnapshot());
    this.parts = parts;
    this.secretPaths = SecretPaths.of(flow, parts.registry());
  }

  void cancel() {
    cancellation.cancel();
  }

  Future<Void> execute() {
    return parts.runs().runKey(run.id()).compose(wrapped -> {
      if (wrapped.isEmpty()) {
        // Trying again would not bring the key back: the run ends, saying why.
        return finish(RunStatus.FAILED, StepErrors.error("unreadable",
            "the runtime lost this run's key, so its event and step data cannot be read: run the flow again"));
      }
      return begin(parts.masterKeys().unwrap(wrapped.get()));
    });
  }

  private Future<Void> begin(DataKey key) {
    runKey = key;
    bindings.set("trigger", JsonBridge.tree(new JsonObject(open(run.sealedEvent(), "event"))));
    return parts.runs().markRunning(run.id(), parts.environment().now())
        .compose(v -> parts.runs().steps(run.id()))
        .map(steps -> steps.stream().collect(Collectors.toMap(StepRecord::stepId, Function.identity())))
        .compose(earlier -> step(0, earlier));
  }

  private Future<Void> step(int index, Map<String, StepRecord> earlier) {
    if (cancellation.isCancelled()) {
      return Future.succeededFuture();
    }
    if (index == flow.steps().size()) {
      return finish(RunStatus.SUCCEEDED, null);
    }
    StepSpec spec = flow.steps().get(index);
    StepRecord previous = earlier.get(spec.id());
    if (previous == null) {
      return start(index, spec).compose(outcome -> next(index, outcome, earlier));
    }
    if (previous.status() == RunStatus.SUCCEEDED) {
      stepOutputs.set(spec.id(), JsonBridge.tree(new JsonObject(open(previous.sealedOutput(), stepPart(spec, "output")))));
      return step(index + 1, earlier);
    }
    if (previous.status() == RunStatus.RUNNING) {
      return resume(spec, previous).compose(outcome -> next(index, outcome, earlier));
    }
    return finish(previous.status(), stepFailure(spec, previous.error()));
  }

  private Future<Void> next(int index, StepOutcome outcome, Map<String, StepRecord> earlier) {
    if (outcome.status() == RunStatus.SUCCEEDED) {
      return step(index + 1, earlier);
    }
    if (outcome.status() == RunStatus.RUNNING) {
      return Future.succeededFuture();
    }
    return finish(outcome.status(), stepFailure(flow.steps().get(index), outcome.error()));
  }

  private Future<StepOutcome> start(int index, StepSpec spec) {
    long now = parts.environment().now();
    Optional<Registered<Action>> action = parts.registry().action(spec.type());
    JsonObject input;
    try {
      if (action.isEmpty()) {
        throw notLoaded(spec);
      }
      input = parts.inputs().resolve(action.get().extension().form(), spec.properties(), bindings);
    } catch (RuntimeException e) {
      StepRecord failed = new StepRecord(run.id(), spec.id(), index, spec.type(), RunStatus.FAILED,
          null, null, null, null, StepErrors.of(e), null, now, now);
      return parts.runs().startStep(failed).map(new StepOutcome(RunStatus.FAILED, failed.error()));
    }
    StepRecord running = new StepRecord(run.id(), spec.id(), index, spec.type(), RunStatus.RUNNING,
        RecordHygiene.display(input, action.get().extension().form()),
        seal(input.encode(), stepPart(spec, "input")), null, null, null, new JsonObject(), now, null);
    return parts.runs().startStep(running)
        .compose(v -> invoke(action.get(), spec, input, new JsonObject(), false));
  }

  private Future<StepOutcome> resume(StepSpec spec, StepRecord inFlight) {
    Optional<Registered<Action>> action = parts.registry().action(spec.type());
    if (action.isEmpty()) {
      return record(spec, RunStatus.FAILED, null, StepErrors.of(notLoaded(spec)));
    }
    if (!action.get().extension().supportsRecovery()) {
      LOG.warn("run {} step {}: interrupted by a crash; {} cannot be safely re-run", run.id(), spec.id(),
          spec.type());
      return record(spec, RunStatus.INTERRUPTED, null, StepErrors.error("interrupted",
          "the runtime stopped while this step was running, and " + spec.type()
              + " cannot be safely re-run: check whether its effect happened, then run the flow again"));
    }
    LOG.info("run {} step {}: resuming after a crash from its recorded state", run.id(), spec.id());
    JsonObject input = new JsonObject(open(inFlight.sealedInput(), stepPart(spec, "input")));
    return invoke(action.get(), spec, input, inFlight.state(), true);
  }

  private Future<StepOutcome> invoke(
      Registered<Action> action, StepSpec spec, JsonObject input, JsonObject state, boolean recovering) {
    return parts.connections().forForm(run.workspaceId(), action.extension().form(), input)
        .compose(connection -> call(action, spec, input, state, recovering, connection))
        .transform(done -> {
          if (cancellation.isCancelled()) {
            // Shutting down: the step stays in flight in the store and is recovered at next start.
            return Future.succeededFuture(new StepOutcome(RunStatus.RUNNING, null));
          }
          if (done.succeeded()) {
            JsonObject output = done.result() == null ? new JsonObject() : done.result();
            stepOutputs.set(spec.id(), JsonBridge.tree(output));
            return record(spec, RunStatus.SUCCEEDED, output, null);
          }
          return record(spec, RunStatus.FAILED, null, StepErrors.of(done.cause()));
        });
  }

  private Future<JsonObject> call(Registered<Action> action, StepSpec spec, JsonObject input,
      JsonObject state, boolean recovering, Optional<ConnectionHandle> connection) {
    StepContext context = new StepContext(run.id(), spec.id(), connection, state, recovering,
        new PrefixedLog(action.plugin(), "run " + run.id() + " step " + spec.id()), cancellation,
        parts.environment(), parts.runs());
    try {
      Future<JsonObject> result = action.extension().execute(context, input.copy());
      return result != null ? result : Future.failedFuture(spec.type() + " returned no result");
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private Future<StepOutcome> record(StepSpec spec, RunStatus status, JsonObject output, JsonObject error) {
    return parts.runs().finishStep(run.id(), spec.id(), status,
            output == null ? null : RecordHygiene.truncated(secretPaths.redact(output, "steps", spec.id())),
            output == null ? null : seal(output.encode(), stepPart(spec, "output")),
            error, parts.environment().now())
        .map(new StepOutcome(status, error));
  }

  private Future<Void> finish(RunStatus status, JsonObject error) {
    return parts.runs().finish(run.id(), status, error, parts.environment().now());
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

  /** How a step ended, or {@code RUNNING} when the runtime is stopping and leaves it in flight. */
  private record StepOutcome(RunStatus status, JsonObject error) {}
}
