package dev.outlookflow.plugin.api.action;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Durable progress of one step. Record progress before each side effect (e.g. a created draft's id
 * before sending it), so that a step re-invoked after a crash knows what already happened.
 */
public interface StepState {
  /** The last recorded state; empty on a first invocation. */
  JsonObject current();

  /** Replaces the state; completes once it is durably stored. */
  Future<Void> record(JsonObject state);
}
