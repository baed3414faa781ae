package dev.outlookflow.plugin.api.action;

import dev.outlookflow.plugin.api.Cancellation;
import dev.outlookflow.plugin.api.PluginEnvironment;
import dev.outlookflow.plugin.api.StepLog;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import java.util.Optional;

/** What one execution of one step gets from the runtime. */
public interface ActionContext {
  String runId();

  String stepId();

  /** {@code runId + ":" + stepId}: the same on every re-invocation of this step, unique otherwise. */
  String idempotencyKey();

  /** The connection chosen in the action's connection field, if its form has one. */
  Optional<ConnectionHandle> connection();

  StepState state();

  /**
   * True when the runtime re-invokes a step that was in flight when it crashed; {@link #state()}
   * then holds what the step had recorded.
   */
  boolean recovering();

  StepLog log();

  Cancellation cancellation();

  PluginEnvironment environment();
}
