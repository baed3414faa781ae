package dev.outlookflow.plugin.api.trigger;

import dev.outlookflow.plugin.api.PluginEnvironment;
import dev.outlookflow.plugin.api.StepLog;
import dev.outlookflow.plugin.api.connection.ConnectionHandle;
import io.vertx.core.Future;
import java.util.Optional;

/** What a trigger of one flow gets from the runtime. */
public interface TriggerContext<E> {
  String flowId();

  /**
   * Starts a run of the flow with {@code event} (written as JSON) as {@code {{trigger}}}. Completes with the run id
   * only once the runtime has durably stored the run: a trigger moves its cursor after that, never
   * before.
   */
  Future<String> emit(E event);

  TriggerState state();

  Timers timers();

  /** The connection chosen in the trigger's connection field, if its form has one. */
  Optional<ConnectionHandle> connection();

  StepLog log();

  PluginEnvironment environment();
}
