package dev.outlookflow.plugin.api.action;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * Durable progress of one step. Record progress before each side effect (e.g. a created draft's id
 * before sending it), so that a step re-invoked after a crash knows what already happened.
 */
public interface StepState {
  /** The last recorded state, bound to {@code type}; empty on a first invocation. */
  <S extends Record> Optional<S> current(Class<S> type);

  /** Replaces the state with {@code state} (a record); completes once it is durably stored. */
  Future<Void> record(Record state);
}
