package dev.outlookflow.runtime.engine;

import dev.outlookflow.plugin.api.Cancellation;
import dev.outlookflow.plugin.api.PluginEnvironment;
import dev.outlookflow.plugin.api.StepLog;
import dev.outlookflow.plugin.api.action.ActionContext;
import dev.outlookflow.plugin.api.action.StepState;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import dev.outlookflow.runtime.json.JsonBridge;
import dev.outlookflow.runtime.store.RunStore;
import dev.outlookflow.uischema.binding.RecordBinding;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/** One invocation of one step, with its durable state. */
final class StepContext implements ActionContext, StepState {
  private final String runId;
  private final String stepId;
  private final Optional<ConnectionHandle> connection;
  private final boolean recovering;
  private final StepLog log;
  private final Cancellation cancellation;
  private final PluginEnvironment environment;
  private final RunStore runs;
  private JsonObject state;

  StepContext(String runId, String stepId, Optional<ConnectionHandle> connection, JsonObject state,
      boolean recovering, StepLog log, Cancellation cancellation, PluginEnvironment environment,
      RunStore runs) {
    this.runId = runId;
    this.stepId = stepId;
    this.connection = connection;
    this.state = state == null ? new JsonObject() : state;
    this.recovering = recovering;
    this.log = log;
    this.cancellation = cancellation;
    this.environment = environment;
    this.runs = runs;
  }

  @Override
  public String runId() {
    return runId;
  }

  @Override
  public String stepId() {
    return stepId;
  }

  @Override
  public String idempotencyKey() {
    return runId + ":" + stepId;
  }

  @Override
  public Optional<ConnectionHandle> connection() {
    return connection;
  }

  @Override
  public StepState state() {
    return this;
  }

  @Override
  public synchronized <S extends Record> Optional<S> current(Class<S> type) {
    return state.isEmpty() ? Optional.empty() : Optional.of(RecordBinding.bind(JsonBridge.tree(state), type));
  }

  @Override
  public Future<Void> record(Record newState) {
    JsonObject copy;
    try {
      copy = JsonBridge.object(RecordBinding.object(newState));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return runs.recordStepState(runId, stepId, copy).onSuccess(v -> {
      synchronized (this) {
        state = copy;
      }
    });
  }

  @Override
  public boolean recovering() {
    return recovering;
  }

  @Override
  public StepLog log() {
    return log;
  }

  @Override
  public Cancellation cancellation() {
    return cancellation;
  }

  @Override
  public PluginEnvironment environment() {
    return environment;
  }
}
